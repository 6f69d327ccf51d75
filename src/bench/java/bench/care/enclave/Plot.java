package bench.care.enclave;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Draws target/bench/report.png with Java2D (headless): two bar charts on a log scale, requests per second
 * and p99 latency, one group per scenario, one bar per connection count.
 */
final class Plot {

    private static final int WIDTH = 1400;
    private static final int PANEL_HEIGHT = 420;
    private static final Color[] BARS = {new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759)};

    private Plot() {
    }

    static void write(List<HttpLoad.Run> runs, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, 2 * PANEL_HEIGHT + 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(title, 20, 30);
        Map<String, List<HttpLoad.Run>> groups = new LinkedHashMap<>();
        runs.forEach(run -> groups.computeIfAbsent(run.scenario().name(), k -> new ArrayList<>()).add(run));
        // The yardsticks: the Flask original's best writes/s behind gunicorn, five times that, p99 20 ms.
        panel(g, groups, 50, "requests per second (log scale); dashed: Flask+gunicorn best POST 2,800/s, target 14,000/s",
                run -> run.result().requestsPerSecond(), 2800, 14000);
        panel(g, groups, 50 + PANEL_HEIGHT, "p99 latency, ms (log scale); dashed: target 20 ms",
                run -> run.result().p99(), 20);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, Map<String, List<HttpLoad.Run>> groups, int top, String label,
                              ToDoubleFunction<HttpLoad.Run> value, double... references) {
        int left = 90;
        int right = WIDTH - 30;
        int bottom = top + PANEL_HEIGHT - 70;
        int plotTop = top + 30;
        double max = Math.max(groups.values().stream().flatMap(List::stream).mapToDouble(value).max().orElse(1),
                java.util.Arrays.stream(references).max().orElse(1));
        double min = Math.min(groups.values().stream().flatMap(List::stream).mapToDouble(value).filter(v -> v > 0)
                .min().orElse(1), java.util.Arrays.stream(references).min().orElse(1));
        double low = Math.floor(Math.log10(Math.max(min, 1e-3)));
        double high = Math.ceil(Math.log10(Math.max(max, 1e-3) * 1.5));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(label, left, top + 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double decade = low; decade <= high; decade++) {
            int y = y(decade, low, high, plotTop, bottom);
            g.setColor(new Color(0xdddddd));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(decadeLabel(decade), left - 60, y + 4);
        }
        int groupWidth = (right - left) / Math.max(1, groups.size());
        int index = 0;
        for (Map.Entry<String, List<HttpLoad.Run>> group : groups.entrySet()) {
            int x0 = left + index++ * groupWidth;
            int barWidth = (groupWidth - 30) / Math.max(1, group.getValue().size());
            for (int i = 0; i < group.getValue().size(); i++) {
                HttpLoad.Run run = group.getValue().get(i);
                double v = Math.max(value.applyAsDouble(run), Math.pow(10, low));
                int x = x0 + 15 + i * barWidth;
                int y = y(Math.log10(v), low, high, plotTop, bottom);
                g.setColor(BARS[i % BARS.length]);
                g.fillRect(x + 2, y, barWidth - 4, bottom - y);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, value.applyAsDouble(run) >= 100 ? "%.0f" : "%.1f",
                        value.applyAsDouble(run)), x + 2, y - 4);
                g.setColor(Color.DARK_GRAY);
                g.drawString("c" + run.connections(), x + 4, bottom + 14);
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(group.getKey(), x0 + 15, bottom + 34);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        }
        g.setColor(new Color(0x59a14f));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{8f, 6f}, 0f));
        for (double reference : references) {
            int y = y(Math.log10(reference), low, high, plotTop, bottom);
            g.drawLine(left, y, right, y);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, plotTop, left, bottom);
    }

    private static int y(double log, double low, double high, int top, int bottom) {
        return (int) Math.round(bottom - (log - low) / (high - low) * (bottom - top));
    }

    private static String decadeLabel(double decade) {
        double v = Math.pow(10, decade);
        return v >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%s", v);
    }
}
