package org.aebench.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativeGarbageTest {
    @Test
    void theLimitIsReadInJavaCppsNotationAndFallsBackWhenUnset() {
        assertEquals(14L << 30, NativeGarbage.limitFrom("14G", 7));
        assertEquals(800L << 20, NativeGarbage.limitFrom(" 800M ", 7));
        assertEquals(0, NativeGarbage.limitFrom("0", 7), "0 turns the limit off");
        assertEquals(7, NativeGarbage.limitFrom(null, 7));
        assertEquals(7, NativeGarbage.limitFrom("", 7));
    }

    @Test
    void aMalformedLimitNamesTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeGarbage.limitFrom("lots", 0));
        assertTrue(e.getMessage().contains("aebench.maxresident=lots"), e.getMessage());
    }
}
