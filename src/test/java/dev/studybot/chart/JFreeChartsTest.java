package dev.studybot.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybot.domain.Picture;
import dev.studybot.port.out.Charts.LeaderboardChart;
import dev.studybot.port.out.Charts.ProgressChart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class JFreeChartsTest {
    private final JFreeCharts charts = new JFreeCharts();

    static LeaderboardChart board(int members, boolean teams) {
        List<LeaderboardChart.Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < members; i++) {
            bars.add(new LeaderboardChart.Bar((i + 1) + ". member" + i, 50 - 4L * i,
                    teams && i % 3 != 2 ? Optional.of(i % 2 == 0 ? "owls" : "foxes") : Optional.empty()));
        }
        return new LeaderboardChart("Leaderboard, week of 30 Nov", "points", "no team", bars, "Leaderboard, week of 30 Nov: member0 50, member1 46.",
                "leaderboard.png");
    }

    static ProgressChart progress(int weeks) {
        List<ProgressChart.Week> list = new java.util.ArrayList<>();
        long total = 0;
        for (int i = 0; i < weeks; i++) {
            long points = (i * 7) % 23;
            total += points;
            list.add(new ProgressChart.Week((i + 1) + " Nov", points, points / 4, total));
        }
        return new ProgressChart("alice's progress", "points per week", "total points", "answers per week", list,
                "alice's progress over 8 weeks.", "progress-alice.png");
    }

    @Test
    void aLeaderboardIsAPngWithARowPerMemberAndTextOnIt() throws IOException {
        Picture small = charts.leaderboard(board(3, false));
        Picture large = charts.leaderboard(board(10, true));

        BufferedImage image = decode(small);
        assertThat(image.getWidth()).isEqualTo(JFreeCharts.WIDTH);
        assertThat(decode(large).getHeight()).isGreaterThan(image.getHeight());
        assertThat(small.altText()).startsWith("Leaderboard, week of 30 Nov");
        assertThat(small.fileName()).isEqualTo("leaderboard.png");
        // the card, the bars and the near-white text: far more than two colours, and some of them the text's
        assertThat(colours(image)).hasSizeGreaterThan(20);
        assertThat(hasTextPixels(image)).isTrue();
    }

    @Test
    void theCornersAreTransparentAndTheCardIsSolid() throws IOException {
        BufferedImage image = decode(charts.leaderboard(board(5, true)));
        assertThat(image.getRGB(0, 0) >>> 24).isZero();
        assertThat(image.getRGB(image.getWidth() / 2, 3) >>> 24).isEqualTo(0xFF);
    }

    @Test
    void progressIsAPngWithBothPlots() throws IOException {
        BufferedImage image = decode(charts.progress(progress(8)));
        assertThat(image.getWidth()).isEqualTo(JFreeCharts.WIDTH);
        assertThat(image.getHeight()).isGreaterThan(300);
        assertThat(colours(image)).hasSizeGreaterThan(20);
        assertThat(hasTextPixels(image)).isTrue();
    }

    @Test
    void oneWeekAndOneMemberStillDraw() throws IOException {
        assertThat(decode(charts.progress(progress(1))).getWidth()).isEqualTo(JFreeCharts.WIDTH);
        assertThat(decode(charts.leaderboard(board(1, false))).getWidth()).isEqualTo(JFreeCharts.WIDTH);
    }

    @Test
    void tickStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(JFreeCharts.tickUnit(0, 8)).isEqualTo(1);
        assertThat(JFreeCharts.tickUnit(7, 8)).isEqualTo(1);
        assertThat(JFreeCharts.tickUnit(50, 8)).isEqualTo(10);
        assertThat(JFreeCharts.tickUnit(167, 8)).isEqualTo(50);
        assertThat(JFreeCharts.tickUnit(1_000_000, 5)).isEqualTo(200_000);
    }

    @Test
    void theFontComesFromTheJarNotFromTheSystem() {
        assertThat(new ChartStyle().font(java.awt.Font.PLAIN, 12f).getFontName()).startsWith("Liberation Sans");
    }

    static BufferedImage decode(Picture picture) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.png()));
        assertThat(image).as("a PNG ImageIO can read").isNotNull();
        return image;
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen;
    }

    /** The title's near-white glyphs: pixels close to the text colour in the top band. */
    private static boolean hasTextPixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) > 0xE0 && ((rgb >> 8) & 0xFF) > 0xE0 && (rgb & 0xFF) > 0xE0) {
                    count++;
                }
            }
        }
        return count > 100;
    }
}
