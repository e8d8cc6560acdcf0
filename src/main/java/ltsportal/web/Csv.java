package ltsportal.web;

/** CSV as RFC 4180 writes it, for the downloads (the audit log, a spike's report). */
public final class Csv {
    private Csv() {
    }

    /** One line of cells, CRLF-terminated. */
    public static String row(String... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells[i]));
        }
        return line.append("\r\n").toString();
    }

    /** One CSV cell: quoted when needed; text a spreadsheet would take for a formula gets a leading apostrophe. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
