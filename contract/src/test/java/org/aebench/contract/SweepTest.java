package org.aebench.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTest {
    @Test
    void theColumnTextReadsBackAsTheSameValuesInTheSameOrder() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("filters", "64");
        values.put("sigma", "0.1");
        values.put("variant", "unpool-deconv");
        Sweep s = new Sweep(values);
        assertEquals("filters=64;sigma=0.1;variant=unpool-deconv", s.text());
        assertEquals(s, Sweep.parse(s.text()));
        assertEquals(java.util.List.of("filters", "sigma", "variant"), java.util.List.copyOf(Sweep.parse(s.text()).values().keySet()));
    }

    @Test
    void noSweepIsEmptyBothWays() {
        assertEquals("", new Sweep(Map.of()).text());
        assertEquals(new Sweep(Map.of()), Sweep.parse(""));
    }
}
