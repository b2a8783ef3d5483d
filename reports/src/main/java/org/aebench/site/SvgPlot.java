package org.aebench.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small server-side SVG chart: series of points (with optional min-max bars) on numeric or
 * categorical x, linear or log x, linear y; axes with ticks, labels and a legend. Every text is
 * escaped here, so a caller may pass any string. The page embeds the result as markup.
 */
public final class SvgPlot {
    /** One point; {@code lo}/{@code hi} draw a bar (NaN: none). */
    public record Point(double x, double y, double lo, double hi) {
        public Point(double x, double y) { this(x, y, Double.NaN, Double.NaN); }
    }

    /** A named series; {@code line} joins the points, {@code hollow} draws open markers (reference values). */
    public record Series(String name, List<Point> points, boolean line, boolean hollow, String colour) {}

    static final String[] PALETTE = {"#1f6fb5", "#d9480f", "#2b8a3e", "#7048e8", "#c2255c", "#0b7285", "#5c940d", "#e67700"};
    private static final int W = 460, H = 260, L = 62, R = 150, T = 26, B = 44;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private List<String> categories;
    private boolean logX;

    public SvgPlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** x values are indexes 0..n-1 into these labels. */
    public SvgPlot categories(List<String> labels) {
        this.categories = labels;
        return this;
    }

    public SvgPlot logX(boolean log) {
        this.logX = log;
        return this;
    }

    public SvgPlot add(Series s) {
        if (!s.points().isEmpty()) series.add(s);
        return this;
    }

    public boolean isEmpty() { return series.isEmpty(); }

    public String render() {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (Point p : s.points()) {
                x0 = Math.min(x0, tx(p.x()));
                x1 = Math.max(x1, tx(p.x()));
                for (double v : new double[] {p.y(), p.lo(), p.hi()}) {
                    if (Double.isFinite(v)) {
                        y0 = Math.min(y0, v);
                        y1 = Math.max(y1, v);
                    }
                }
            }
        }
        if (categories != null) {
            x0 = -0.5;
            x1 = categories.size() - 0.5;
        }
        if (x1 <= x0) { x0 -= 1; x1 += 1; }
        double pad = (x1 - x0) * 0.06;
        if (categories == null) { x0 -= pad; x1 += pad; }
        if (!(y1 > y0)) { y0 = y0 - Math.max(1e-9, Math.abs(y0) * 0.1); y1 = y1 + Math.max(1e-9, Math.abs(y1) * 0.1); }
        double ypad = (y1 - y0) * 0.08;
        y0 -= ypad;
        y1 += ypad;
        if (y0 < 0 && y0 + ypad >= 0) y0 = 0;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
                W, H, W, H, esc(title)));
        sb.append("<title>").append(esc(title)).append("</title>");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" class=\"t\">%s</text>", L, esc(title)));
        int pw = W - L - R, ph = H - T - B;
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>", L, T, pw, ph));
        // y ticks, with as many decimals as their spacing needs (a nearly flat curve still gets distinct labels)
        List<Double> yTicks = ticks(y0, y1);
        double yStep = yTicks.size() > 1 ? yTicks.get(1) - yTicks.get(0) : Math.abs(y1 - y0);
        for (double v : yTicks) {
            double py = py(v, y0, y1);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>", L, L + pw, py, py));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"yt\">%s</text>", L - 4, py + 4, esc(tick(v, yStep))));
        }
        // x ticks
        if (categories != null) {
            for (int i = 0; i < categories.size(); i++) {
                double px = px(i, x0, x1);
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"xt\">%s</text>", px, T + ph + 15, esc(categories.get(i))));
            }
        } else {
            java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
            series.forEach(s -> s.points().forEach(p -> xs.add(p.x())));
            List<Double> shown = xs.size() <= 8 ? new ArrayList<>(xs) : ticksRaw(xs.first(), xs.last());
            for (double v : shown) {
                double px = px(tx(v), x0, x1);
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"xt\">%s</text>", px, T + ph + 15, esc(tick(v))));
            }
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"xl\">%s%s</text>", L + pw / 2.0, H - 6, esc(xLabel), logX ? " (log scale)" : ""));
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(13 %.1f) rotate(-90)\" class=\"yl\">%s</text>", T + ph / 2.0, esc(yLabel)));
        int i = 0;
        for (Series s : series) {
            String c = s.colour() != null ? s.colour() : PALETTE[i % PALETTE.length];
            StringBuilder path = new StringBuilder();
            for (Point p : s.points()) {
                double px = px(tx(p.x()), x0, x1), py = py(p.y(), y0, y1);
                if (Double.isFinite(p.lo()) && Double.isFinite(p.hi()) && p.hi() > p.lo()) {
                    sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\"/>",
                            px, px, py(p.lo(), y0, y1), py(p.hi(), y0, y1), c));
                }
                if (Double.isFinite(p.y())) path.append(path.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", px, py));
                if (Double.isFinite(p.y())) {
                    sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"><title>%s: %s</title></circle>",
                            px, py, s.hollow() ? "4.5" : "3", s.hollow() ? "none" : c, c, esc(s.name()), esc(tick(p.y()))));
                }
            }
            if (s.line() && path.length() > 0) {
                sb.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>", path.toString().trim(), c));
            }
            int ly = T + 8 + i * 16;
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\" stroke=\"%s\"/>", L + pw + 12, ly, s.hollow() ? "none" : c, c));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"lg\">%s</text>", L + pw + 20, ly + 4, esc(shorten(s.name()))));
            i++;
        }
        sb.append("</svg>");
        return sb.toString();
    }

    private double tx(double x) { return logX ? Math.log10(x) : x; }

    private static double px(double x, double x0, double x1) { return L + (x - x0) / (x1 - x0) * (W - L - R); }

    private static double py(double y, double y0, double y1) { return T + (1 - (y - y0) / (y1 - y0)) * (H - T - B); }

    private static List<Double> ticks(double lo, double hi) {
        return ticksRaw(lo, hi);
    }

    private static List<Double> ticksRaw(double lo, double hi) {
        double span = hi - lo;
        double step = Math.pow(10, Math.floor(Math.log10(span / 4)));
        for (double m : new double[] {1, 2, 5, 10}) if (span / (step * m) <= 5) { step *= m; break; }
        List<Double> out = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-12 * span; v += step) out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        return out;
    }

    /** A tick label precise enough to tell ticks {@code step} apart. */
    static String tick(double v, double step) {
        if (!(step > 0) || Math.abs(v) >= 1e4 || (v != 0 && Math.abs(v) < 1e-3 && step > Math.abs(v) / 10)) return tick(v);
        int decimals = (int) Math.max(0, Math.min(9, Math.ceil(-Math.log10(step))));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String tick(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e4 || a < 1e-3) return String.format(Locale.ROOT, "%.2g", v);
        if (a >= 100) return String.format(Locale.ROOT, "%.0f", v);
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String shorten(String s) {
        return s.length() <= 22 ? s : s.substring(0, 21) + "…";
    }

    /** Escapes text for SVG/HTML content and attribute values. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
