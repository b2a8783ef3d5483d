package org.aebench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagesTest {
    @Test
    void sectionsAndSweepsSortAsTheReportsNumberThem() {
        List<String> sections = new ArrayList<>(List.of("7 Convolutional", "2.2 AE", "6.1.2 Noise on the code", "10 Extra", "2.1 PCA", "6 Manifold"));
        sections.sort(Pages::natural);
        assertEquals(List.of("2.1 PCA", "2.2 AE", "6 Manifold", "6.1.2 Noise on the code", "7 Convolutional", "10 Extra"), sections);
        List<String> sweeps = new ArrayList<>(List.of("h=256", "h=64", "h=128", "lambda=0.001", "lambda=0.00001"));
        sweeps.sort(Pages::natural);
        assertEquals(List.of("h=64", "h=128", "h=256", "lambda=0.00001", "lambda=0.001"), sweeps);
    }

    @Test
    void plotsEscapeEveryTextAndDrawEveryPoint() {
        String evil = "<script>alert(1)</script>";
        SvgPlot p = new SvgPlot(evil, "x & y", "\"y\"")
                .add(new SvgPlot.Series(evil, List.of(new SvgPlot.Point(1, 0.5), new SvgPlot.Point(2, 0.25, 0.2, 0.3)), true, false, null))
                .add(new SvgPlot.Series("report", List.of(new SvgPlot.Point(1, 0.4)), false, true, null));
        String svg = p.render();
        assertFalse(svg.contains("<script>"), svg);
        assertTrue(svg.contains("&lt;script&gt;"));
        assertTrue(svg.contains("x &amp; y"));
        // 3 data markers + 2 legend markers; one min-max bar; one line for the first series only
        assertEquals(5, svg.split("<circle", -1).length - 1);
        assertEquals(1, svg.split("<path", -1).length - 1);
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"));
    }
}
