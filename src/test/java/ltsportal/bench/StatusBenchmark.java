package ltsportal.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ltsportal.catalog.Lifecycle;
import ltsportal.catalog.LineStatus;
import ltsportal.catalog.ReleaseLine;
import ltsportal.support.TestPortal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** The status rules: every release line of the fixture content on one day, as the lifecycle table needs them. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StatusBenchmark {
    private static final LocalDate DAY = LocalDate.parse("2026-06-01");
    private List<ReleaseLine> lines;

    @Setup
    public void setUp() {
        lines = TestPortal.catalog().lines();
    }

    @Benchmark
    public void everyLineOnOneDay(Blackhole out) {
        for (ReleaseLine line : lines) {
            LineStatus status = Lifecycle.status(line, DAY);
            out.consume(status);
        }
    }
}
