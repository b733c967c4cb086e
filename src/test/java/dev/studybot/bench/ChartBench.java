package dev.studybot.bench;

import dev.studybot.chart.JFreeCharts;
import dev.studybot.domain.Picture;
import dev.studybot.port.out.Charts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chart rendering time, p50 and p99 over 300 renders after 50 warm-up ones, and the PNG's size,
 * for each chart studybot draws at its largest: a 10-member leaderboard in three team colours, a
 * 5-team leaderboard, and a 12-week progress chart; and the first render of a fresh JVM (font
 * loading and JFreeChart's classes). Run:
 * {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.studybot.bench.ChartBench}
 */
public final class ChartBench {
    private static final int WARM_UP = 50;
    private static final int RUNS = 300;

    private ChartBench() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        JFreeCharts charts = new JFreeCharts();
        Picture first = charts.leaderboard(members());
        System.out.printf("first render in a fresh JVM (font and classes loaded): %.0f ms, %,d bytes%n",
                (System.nanoTime() - t0) / 1e6, first.size());
        measure("leaderboard, 10 members, 3 team colours", () -> charts.leaderboard(members()));
        measure("leaderboard, 5 teams", () -> charts.leaderboard(teams()));
        measure("progress, 12 weeks", () -> charts.progress(progress()));
    }

    private static void measure(String name, Supplier<Picture> draw) {
        for (int i = 0; i < WARM_UP; i++) {
            draw.get();
        }
        long[] nanos = new long[RUNS];
        int size = 0;
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            size = draw.get().size();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%-42s p50 %5.1f ms  p99 %5.1f ms  PNG %,d bytes%n", name, nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6, size);
    }

    private static Charts.LeaderboardChart members() {
        List<Charts.LeaderboardChart.Bar> bars = new ArrayList<>();
        String[] names = {"alice", "bob", "carol", "dan", "erin", "frank", "grace", "heidi", "ivan", "judy"};
        for (int i = 0; i < names.length; i++) {
            Optional<String> team = i % 4 == 3 ? Optional.empty() : Optional.of(List.of("Owls", "Foxes", "Herons").get(i % 3));
            bars.add(new Charts.LeaderboardChart.Bar((i + 1) + ". " + names[i], 120 - 9L * i, team));
        }
        return new Charts.LeaderboardChart("Leaderboard, week of 30 Nov", "points", "no team", bars, "Leaderboard, week of 30 Nov: alice 120, bob 111.",
                "leaderboard-week-2026-11-30.png");
    }

    private static Charts.LeaderboardChart teams() {
        List<Charts.LeaderboardChart.Bar> bars = new ArrayList<>();
        String[] names = {"Owls", "Foxes", "Herons", "Badgers", "Otters"};
        for (int i = 0; i < names.length; i++) {
            bars.add(new Charts.LeaderboardChart.Bar((i + 1) + ". " + names[i], 400 - 55L * i, Optional.empty()));
        }
        return new Charts.LeaderboardChart("Team leaderboard, all time", "points", "no team", bars, "Team leaderboard, all time: Owls 400.",
                "leaderboard-all-teams.png");
    }

    private static Charts.ProgressChart progress() {
        List<Charts.ProgressChart.Week> weeks = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < 12; i++) {
            long points = 10 + (i * 13) % 31;
            total += points;
            weeks.add(new Charts.ProgressChart.Week((7 + i) + " Sep", points, 2 + i % 4, total));
        }
        return new Charts.ProgressChart("alice's progress", "points per week", "total points", "answers per week", weeks,
                "alice's progress, 12 weeks from 7 Sep.", "progress-alice-2026-11-30.png");
    }
}
