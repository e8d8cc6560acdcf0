package ltsportal.bench;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import ltsportal.planner.PlanRequest;
import ltsportal.planner.Planner;
import ltsportal.support.TestPortal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The planner on the fixture content: a long path with conditions, a short one, and zero-downtime (a hop a minor). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlannerBenchmark {
    private static final LocalDate DAY = LocalDate.parse("2026-06-01");
    private Planner planner;

    @Setup
    public void setUp() {
        planner = new Planner(TestPortal.catalog(), TestPortal.content().upgradeRules());
    }

    @Benchmark
    public Planner.Result longPathWithConditions() {
        return planner.plan(new PlanRequest("13.10.0", "18.11", "30k-users,npm-packages", false), DAY);
    }

    @Benchmark
    public Planner.Result shortPath() {
        return planner.plan(new PlanRequest("18.8.5", "18.11", "", false), DAY);
    }

    @Benchmark
    public Planner.Result zeroDowntime() {
        return planner.plan(new PlanRequest("16.3.4", "18.11", "", true), DAY);
    }
}
