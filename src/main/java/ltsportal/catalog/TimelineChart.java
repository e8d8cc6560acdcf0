package ltsportal.catalog;

import io.javalin.http.Context;
import org.unbescape.xml.XmlEscape;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ltsportal.web.Conditional;
import ltsportal.web.DateText;

/**
 * A Gantt chart of the lines still maintained (and upcoming) and the last few that ended, drawn as
 * SVG on the server: one bar per line, its phases coloured, LTS lines marked, a line for today. The
 * lifecycle page embeds it inline (so its tooltips work) with an HTML legend and the same data as a
 * table ({@link #rows}); {@code /gitlab/timeline.svg} serves it standalone with its legend drawn in.
 * Colours mean one thing across the portal: green maintained, blue security fixes only, purple LTS;
 * amber and red are kept for "ending soon" and "ended" in the tables.
 */
public final class TimelineChart {
    static final int ENDED_SHOWN = 4;
    private static final int WIDTH = 960;
    private static final int LABEL = 120;
    private static final int ROW = 28;
    private static final int TOP = 34;
    private static final int LEGEND = 40;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    static final String MAINTAINED = "#2e7d32";
    static final String SECURITY_ONLY = "#1565c0";
    static final String LTS = "#6a1b9a";
    private static final String TODAY = "#1d1d1f";
    /** 7:1 on white (the grey it replaced was 4.48:1). */
    private static final String ENDED_TEXT = "#595959";

    private final Catalog catalog;
    private final Clock clock;

    public TimelineChart(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public void svg(Context ctx) {
        Conditional.send(ctx, "image/svg+xml; charset=utf-8", draw(LocalDate.now(clock)));
    }

    /** One bar of the chart, as the text alternative's table row says it. */
    public record Row(String line, boolean lts, LocalDate released, LocalDate secondPhaseStarts, String secondPhase,
                      LocalDate ends, Phase phase) {
    }

    /** The chart's bars, newest first, for the table that says the same as the picture. */
    public List<Row> rows(LocalDate today) {
        return shownLines(today).stream().map(l -> new Row(l.name(), l.lts(), l.releaseDate(), l.eoas(),
                secondPhase(l), l.supportEnds(), Lifecycle.status(l, today).phase())).toList();
    }

    /** The chart for embedding in a page: no legend of its own (the page's legend is text), ids prefixed. */
    public String inlineSvg(LocalDate today) {
        return draw(today, false);
    }

    private static String secondPhase(ReleaseLine line) {
        return line.lts() ? "Long-term support" : "Security fixes only";
    }

    /** Lines shown, newest first. */
    List<ReleaseLine> shownLines(LocalDate today) {
        List<ReleaseLine> shown = new ArrayList<>();
        int ended = 0;
        for (ReleaseLine line : catalog.lines()) {
            boolean isEnded = Lifecycle.status(line, today).phase() == Phase.END_OF_LIFE;
            if (!isEnded || ended++ < ENDED_SHOWN) {
                shown.add(line);
            }
        }
        return shown;
    }

    String draw(LocalDate today) {
        return draw(today, true);
    }

    private String draw(LocalDate today, boolean withLegend) {
        List<ReleaseLine> lines = shownLines(today);
        LocalDate from = lines.stream().map(ReleaseLine::releaseDate).min(LocalDate::compareTo).orElse(today)
                .withDayOfMonth(1);
        LocalDate lastEnd = lines.stream().map(ReleaseLine::supportEnds).max(LocalDate::compareTo).orElse(today);
        LocalDate to = (lastEnd.isAfter(today) ? lastEnd : today).plusMonths(1).withDayOfMonth(1);
        Scale x = new Scale(from, to);
        int height = TOP + lines.size() * ROW + (withLegend ? LEGEND : 8);

        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"timeline-title\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n");
        svg.append("<title id=\"timeline-title\">GitLab release lines: support timeline as of ")
                .append(DateText.absoluteDate(today)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        monthTicks(svg, x, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            bar(svg, x, lines.get(i), TOP + i * ROW, today);
        }
        int todayX = x.at(today);
        svg.append("<line class=\"today\" x1=\"").append(todayX).append("\" y1=\"").append(TOP - 6)
                .append("\" x2=\"").append(todayX).append("\" y2=\"").append(TOP + lines.size() * ROW)
                .append("\" stroke=\"").append(TODAY).append("\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>\n");
        svg.append("<text x=\"").append(todayX + 4).append("\" y=\"").append(TOP - 8)
                .append("\" fill=\"").append(TODAY).append("\" font-weight=\"bold\">today</text>\n");
        if (withLegend) {
            legend(svg, TOP + lines.size() * ROW + 24);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void monthTicks(StringBuilder svg, Scale x, int rows) {
        long months = ChronoUnit.MONTHS.between(x.from, x.to);
        int step = months <= 9 ? 1 : months <= 24 ? 2 : months <= 48 ? 4 : 6;
        for (LocalDate m = x.from; !m.isAfter(x.to); m = m.plusMonths(step)) {
            int px = x.at(m);
            if (px > WIDTH - 60) {
                break;
            }
            svg.append("<line x1=\"").append(px).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(px)
                    .append("\" y2=\"").append(TOP + rows * ROW).append("\" stroke=\"#e0e0e0\"/>\n");
            svg.append("<text x=\"").append(px + 3).append("\" y=\"").append(TOP - 20).append("\" fill=\"#555\">")
                    .append(MONTH.format(m)).append("</text>\n");
        }
    }

    private void bar(StringBuilder svg, Scale x, ReleaseLine line, int y, LocalDate today) {
        String label = line.lts() ? line.name() + " " + catalog.product().ltsLabel() : line.name();
        svg.append("<g class=\"line").append(line.lts() ? " lts" : "").append("\" data-line=\"")
                .append(XmlEscape.escapeXml10(line.name())).append("\">\n");
        svg.append("<text x=\"8\" y=\"").append(y + 18).append("\"")
                .append(line.lts() ? " font-weight=\"bold\" fill=\"#4a148c\"" : " fill=\"#222\"").append('>')
                .append(XmlEscape.escapeXml10(label)).append("</text>\n");
        segment(svg, x, line.releaseDate(), line.eoas(), y, MAINTAINED, label + ", maintained");
        segment(svg, x, line.eoas(), line.supportEnds(), y, line.lts() ? LTS : SECURITY_ONLY,
                label + ", " + secondPhase(line).toLowerCase(Locale.ROOT));
        if (Lifecycle.status(line, today).phase() == Phase.END_OF_LIFE) {
            svg.append("<text x=\"").append(x.at(line.supportEnds()) + 4).append("\" y=\"").append(y + 18)
                    .append("\" fill=\"").append(ENDED_TEXT).append("\">ended</text>\n");
        }
        svg.append("</g>\n");
    }

    private static void segment(StringBuilder svg, Scale x, LocalDate start, LocalDate end, int y, String fill,
                                String phase) {
        int x1 = x.at(start);
        int w = Math.max(1, x.at(end) - x1);
        svg.append("<rect x=\"").append(x1).append("\" y=\"").append(y + 5).append("\" width=\"").append(w)
                .append("\" height=\"").append(ROW - 10).append("\" rx=\"3\" fill=\"").append(fill).append("\">")
                .append("<title>").append(XmlEscape.escapeXml10(phase)).append(": ").append(DateText.absoluteDate(start))
                .append(" to ").append(DateText.absoluteDate(end))
                .append("</title></rect>\n");
    }

    private static void legend(StringBuilder svg, int y) {
        String[][] items = {{MAINTAINED, "Maintained (bug and security fixes)"}, {SECURITY_ONLY, "Security fixes only"},
                {LTS, "Long-term support"}};
        int px = LABEL;
        for (String[] item : items) {
            svg.append("<rect x=\"").append(px).append("\" y=\"").append(y - 10).append("\" width=\"14\" height=\"10\" fill=\"")
                    .append(item[0]).append("\"/><text x=\"").append(px + 20).append("\" y=\"").append(y)
                    .append("\" fill=\"#333\">").append(item[1]).append("</text>\n");
            px += 250;
        }
    }

    private record Scale(LocalDate from, LocalDate to) {
        int at(LocalDate d) {
            double span = ChronoUnit.DAYS.between(from, to);
            double offset = ChronoUnit.DAYS.between(from, d);
            return LABEL + (int) Math.round(offset / span * (WIDTH - LABEL - 16));
        }
    }
}
