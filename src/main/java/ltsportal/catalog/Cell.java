package ltsportal.catalog;

/** How a lifecycle date looks in the table: still ahead (green), ending soon (yellow), past (red). */
public enum Cell {
    AHEAD("ahead"),
    ENDING_SOON("soon"),
    PAST("past");

    private final String cssClass;

    Cell(String cssClass) {
        this.cssClass = cssClass;
    }

    public String cssClass() {
        return cssClass;
    }
}
