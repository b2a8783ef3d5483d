package org.aebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.aebench.bench.RunnerBenchmark.Figures;
import org.aebench.bench.RunnerBenchmark.Schedule;
import org.aebench.bench.RunnerBenchmark.Window;
import org.aebench.bench.RunnerBenchmark.WorkerTiming;
import org.junit.jupiter.api.Test;

class RunnerBenchmarkTest {
    @Test
    void windowsAlternateBetweenAllWorkersAndEachAloneInTurn() {
        Schedule s = new Schedule(1_000, 8, 2, 2);
        assertEquals(8, s.windows());
        assertEquals(1_000 + 3 * 8_000, s.startOf(3));
        boolean[][] active = new boolean[s.windows()][2];
        for (int k = 0; k < s.windows(); k++) for (int w = 0; w < 2; w++) active[k][w] = s.active(k, w);
        // window: 0 both, 1 worker 0, 2 both, 3 worker 1, then again
        boolean[][] expected = {{true, true}, {true, false}, {true, true}, {false, true}, {true, true}, {true, false}, {true, true}, {false, true}};
        for (int k = 0; k < s.windows(); k++) {
            assertEquals(expected[k][0], active[k][0], "worker 0, window " + k);
            assertEquals(expected[k][1], active[k][1], "worker 1, window " + k);
        }
        assertTrue(Schedule.together(4));
        assertFalse(Schedule.together(5));
    }

    @Test
    void figuresAreMediansOverInterleavedWindowsAndIgnoreOneSlowWindow() {
        int batch = 10;
        // alone: 100 images/s in three windows and 50 in one (a neighbour on the host); together 80 and 90 images/s
        WorkerTiming w0 = new WorkerTiming(0, 6.0, List.of(new Window(0, 8, 1), new Window(1, 10, 1), new Window(4, 8, 1), new Window(5, 5, 1)));
        WorkerTiming w1 = new WorkerTiming(1, 7.0, List.of(new Window(0, 9, 1), new Window(3, 10, 1), new Window(4, 9, 1), new Window(7, 10, 1)));
        Figures f = RunnerBenchmark.figures(List.of(w0, w1), batch);
        assertEquals(100, f.alone(), 1e-9);
        assertEquals(85, f.together(), 1e-9);
        assertEquals(0.85, f.efficiency(), 1e-9);
        assertEquals(80, f.slowest(), 1e-9);
        // first 50 steps: 6 s against 50 * 10 / 80 = 6.25 s at speed; 7 s against 50 * 10 / 90 = 5.56 s
        assertEquals(((6.0 - 6.25) + (7.0 - 500.0 / 90)) / 2, f.overheadSeconds(), 1e-9);
        assertEquals("80+90 (100) (100) 80+90 (50) (100)", f.windows());
    }

    @Test
    void aWorkerWithoutWindowsGivesNoFigure() {
        WorkerTiming late = new WorkerTiming(1, 9.0, List.of());
        WorkerTiming w0 = new WorkerTiming(0, 6.0, List.of(new Window(0, 8, 1), new Window(1, 10, 1)));
        assertThrows(IllegalStateException.class, () -> RunnerBenchmark.figures(List.of(w0, late), 10));
    }

    @Test
    void aForksTimingsComeBackAsWritten() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<WorkerTiming> sent = List.of(new WorkerTiming(1, 2.5, List.of(new Window(0, 40, 8.0123), new Window(3, 51, 7.99))));
        var result = json.createObjectNode();
        result.set("workers", json.valueToTree(sent));
        assertEquals(sent, RunnerBenchmark.timings(json.readTree(json.writeValueAsString(result))));
    }
}
