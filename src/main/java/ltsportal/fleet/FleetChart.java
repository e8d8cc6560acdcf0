package ltsportal.fleet;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The north star's trend as an inline SVG drawn on the server: the share of instances on maintained versions and on
 * LTS lines, week by week, 0 to 100%. Every text in it is a number or a date the portal formats, so nothing needs
 * escaping; the page also gives the same weeks as a table.
 */
public final class FleetChart {
    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 34;
    /** Green of "maintained" and purple of "LTS", the timeline's colours (both 4.5:1 or more on white). */
    static final String MAINTAINED = "#2e7d32";
    static final String LTS = "#6a1b9a";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private FleetChart() {
    }

    public static String svg(List<FleetSnapshots.Week> weeks) {
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"trend-title\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n")
                .append("<title id=\"trend-title\">Share of registered instances on maintained versions and on LTS lines, week by week</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        for (int p = 0; p <= 100; p += 25) {
            int y = TOP + plotH - plotH * p / 100;
            out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#e0e0e0\"/>\n")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\" fill=\"#555\">")
                    .append(p).append("%</text>\n");
        }
        if (weeks.isEmpty()) {
            out.append("<text x=\"").append(LEFT + 8).append("\" y=\"").append(TOP + plotH / 2)
                    .append("\" fill=\"#555\">No weekly snapshot yet: the first is taken this week.</text>\n</svg>\n");
            return out.toString();
        }
        int n = weeks.size();
        String lastMonth = "";
        for (int i = 0; i < n; i++) {
            String month = MONTH.format(weeks.get(i).weekStart());
            // a label at each quarter's first week (January, April, July, October), never two crowded together
            if (!month.equals(lastMonth) && weeks.get(i).weekStart().getMonthValue() % 3 == 1) {
                int x = x(i, n, plotW);
                out.append("<text x=\"").append(x).append("\" y=\"").append(HEIGHT - 12).append("\" fill=\"#555\">").append(month)
                        .append("</text>\n");
            }
            lastMonth = month;
        }
        out.append(polyline(weeks, plotW, plotH, true)).append(polyline(weeks, plotW, plotH, false));
        FleetSnapshots.Week last = weeks.get(n - 1);
        out.append("<circle cx=\"").append(x(n - 1, n, plotW)).append("\" cy=\"").append(y(last.maintainedPercent(), plotH))
                .append("\" r=\"4\" fill=\"").append(MAINTAINED).append("\"><title>Week of ").append(last.weekStart()).append(": ")
                .append(last.maintainedPercent()).append("% maintained</title></circle>\n");
        out.append("</svg>\n");
        return out.toString();
    }

    private static String polyline(List<FleetSnapshots.Week> weeks, int plotW, int plotH, boolean maintained) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < weeks.size(); i++) {
            int pct = maintained ? weeks.get(i).maintainedPercent() : weeks.get(i).ltsPercent();
            points.append(i == 0 ? "" : " ").append(x(i, weeks.size(), plotW)).append(',').append(y(pct, plotH));
        }
        return "<polyline class=\"" + (maintained ? "maintained" : "lts") + "\" fill=\"none\" stroke=\"" + (maintained ? MAINTAINED : LTS)
                + "\" stroke-width=\"2.5\"" + (maintained ? "" : " stroke-dasharray=\"6 4\"") + " points=\"" + points + "\"/>\n";
    }

    private static int x(int i, int n, int plotW) {
        return LEFT + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
    }

    private static int y(int percent, int plotH) {
        return TOP + plotH - plotH * percent / 100;
    }
}
