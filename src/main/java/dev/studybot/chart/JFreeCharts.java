package dev.studybot.chart;

import dev.studybot.domain.Picture;
import dev.studybot.port.out.Charts;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Charts with JFreeChart, drawn headless into PNGs: a leaderboard as horizontal bars (coloured by
 * team when members have teams) and a member's progress by week.
 */
public final class JFreeCharts implements Charts {
    static final int WIDTH = 880;
    private static final int BAR_ROW = 34;
    private static final int PROGRESS_HEIGHT = 520;

    private final ChartStyle style;

    public JFreeCharts() {
        // no display is ever needed; set before AWT first initialises, unless the operator chose otherwise
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        this.style = new ChartStyle();
    }

    @Override
    public Picture leaderboard(LeaderboardChart chart) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (LeaderboardChart.Bar bar : chart.bars()) {
            data.addValue(bar.points(), "points", bar.label());
        }
        long most = chart.bars().stream().mapToLong(LeaderboardChart.Bar::points).max().orElse(0);
        CategoryPlot plot = new CategoryPlot(data, categoryAxis(), valueAxis(chart.axisLabel(), most, 8), null);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);

        Map<String, Color> teamColours = new LinkedHashMap<>();
        chart.bars().stream().map(LeaderboardChart.Bar::group).flatMap(Optional::stream)
                .forEach(team -> teamColours.computeIfAbsent(team, t -> (Color) ChartStyle.colour(teamColours.size())));
        List<Color> colours = chart.bars().stream()
                .map(b -> b.group().map(teamColours::get).orElse(teamColours.isEmpty() ? ChartStyle.PALETTE.get(0) : ChartStyle.NO_TEAM))
                .toList();
        BarRenderer renderer = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return colours.get(column);
            }
        };
        bars(renderer);
        // each bar has its own row of fixed height: fill most of it, even when there is one bar
        renderer.setMaximumBarWidth(0.7);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", java.text.NumberFormat.getIntegerInstance()));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
        renderer.setItemLabelInsets(new org.jfree.chart.ui.RectangleInsets(6, 6, 6, 6));
        renderer.setDefaultItemLabelFont(style.font(Font.BOLD, 15f));
        renderer.setDefaultItemLabelPaint(ChartStyle.TEXT);
        renderer.setItemMargin(0);
        plot.setRenderer(renderer);
        plot(plot);
        CategoryAxis names = plot.getDomainAxis();
        names.setCategoryMargin(0.25);
        names.setMaximumCategoryLabelWidthRatio(0.4f);

        JFreeChart out = new JFreeChart(null, style.font(Font.BOLD, 20f), plot, false);
        if (!teamColours.isEmpty()) {
            LegendItemCollection items = new LegendItemCollection();
            teamColours.forEach((team, colour) -> items.add(new LegendItem(team, colour)));
            if (chart.bars().stream().anyMatch(b -> b.group().isEmpty())) {
                items.add(new LegendItem(chart.noTeamLabel(), ChartStyle.NO_TEAM));
            }
            plot.setFixedLegendItems(items);
            out.addLegend(legend(plot));
        }
        int height = 150 + BAR_ROW * chart.bars().size() + (teamColours.isEmpty() ? 0 : 40);
        return picture(out, chart.title(), height, chart.altText(), chart.fileName());
    }

    @Override
    public Picture progress(ProgressChart chart) {
        DefaultCategoryDataset perWeek = new DefaultCategoryDataset();
        DefaultCategoryDataset total = new DefaultCategoryDataset();
        DefaultCategoryDataset answers = new DefaultCategoryDataset();
        for (ProgressChart.Week week : chart.weeks()) {
            perWeek.addValue(week.points(), chart.pointsLabel(), week.label());
            total.addValue(week.total(), chart.totalLabel(), week.label());
            answers.addValue(week.answers(), chart.answersLabel(), week.label());
        }
        BarRenderer pointBars = new BarRenderer();
        bars(pointBars);
        pointBars.setSeriesPaint(0, ChartStyle.PALETTE.get(0));
        CategoryPlot points = new CategoryPlot(perWeek, null,
                valueAxis(chart.pointsLabel(), chart.weeks().stream().mapToLong(ProgressChart.Week::points).max().orElse(0), 5), pointBars);
        plot(points);
        points.setDataset(1, total);
        NumberAxis totalAxis = valueAxis(chart.totalLabel(), chart.weeks().stream().mapToLong(ProgressChart.Week::total).max().orElse(0), 5);
        points.setRangeAxis(1, totalAxis);
        points.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, ChartStyle.PALETTE.get(1));
        line.setSeriesStroke(0, new java.awt.BasicStroke(3f));
        line.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        points.setRenderer(1, line);
        points.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        BarRenderer answerBars = new BarRenderer();
        bars(answerBars);
        answerBars.setSeriesPaint(0, ChartStyle.PALETTE.get(2));
        CategoryPlot answered = new CategoryPlot(answers, null,
                valueAxis(chart.answersLabel(), chart.weeks().stream().mapToLong(ProgressChart.Week::answers).max().orElse(0), 4), answerBars);
        plot(answered);

        CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(categoryAxis());
        combined.setGap(14);
        combined.add(points, 3);
        combined.add(answered, 2);
        combined.setBackgroundPaint(null);
        combined.setOutlineVisible(false);
        JFreeChart out = new JFreeChart(null, style.font(Font.BOLD, 20f), combined, false);
        out.addLegend(legend(combined));
        return picture(out, chart.title(), PROGRESS_HEIGHT, chart.altText(), chart.fileName());
    }

    private CategoryAxis categoryAxis() {
        CategoryAxis axis = new CategoryAxis();
        axis.setTickLabelFont(style.font(Font.PLAIN, 14f));
        axis.setTickLabelPaint(ChartStyle.TEXT);
        axis.setAxisLinePaint(ChartStyle.GRID);
        axis.setTickMarksVisible(false);
        return axis;
    }

    /** A value axis from zero with about {@code ticks} whole-number ticks up to {@code most}. */
    private NumberAxis valueAxis(String label, long most, int ticks) {
        NumberAxis axis = new NumberAxis(label);
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(tickUnit(most, ticks), java.text.NumberFormat.getIntegerInstance()));
        axis.setLabelFont(style.font(Font.PLAIN, 13f));
        axis.setLabelPaint(ChartStyle.MUTED);
        axis.setTickLabelFont(style.font(Font.PLAIN, 13f));
        axis.setTickLabelPaint(ChartStyle.MUTED);
        axis.setAxisLinePaint(ChartStyle.GRID);
        axis.setTickMarkPaint(ChartStyle.GRID);
        axis.setRangeType(org.jfree.data.RangeType.POSITIVE);
        axis.setAutoRangeIncludesZero(true);
        axis.setUpperMargin(0.12);
        return axis;
    }

    /** 1, 2 or 5 times a power of ten: the smallest such step that gives at most {@code ticks} steps up to {@code most}. */
    static long tickUnit(long most, int ticks) {
        long unit = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (most <= m * unit * ticks) {
                    return m * unit;
                }
            }
            unit *= 10;
        }
    }

    private static void bars(BarRenderer renderer) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.12);
    }

    private static void plot(CategoryPlot plot) {
        plot.setBackgroundPaint(ChartStyle.PLOT);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlineStroke(ChartStyle.GRID_STROKE);
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            ValueAxis axis = plot.getRangeAxis(i);
            if (axis != null) {
                axis.setAxisLineVisible(false);
            }
        }
    }

    private LegendTitle legend(org.jfree.chart.LegendItemSource source) {
        LegendTitle legend = new LegendTitle(source);
        legend.setItemFont(style.font(Font.PLAIN, 14f));
        legend.setItemPaint(ChartStyle.TEXT);
        legend.setBackgroundPaint(null);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        return legend;
    }

    /** The chart on its card: a rounded slate rectangle on a transparent image, with the title drawn by JFreeChart. */
    private Picture picture(JFreeChart chart, String title, int height, String altText, String fileName) {
        TextTitle heading = new TextTitle(title, style.font(Font.BOLD, 20f));
        heading.setPaint(ChartStyle.TEXT);
        heading.setPadding(new RectangleInsets(14, 8, 6, 8));
        chart.setTitle(heading);
        chart.setBackgroundPaint(null);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(8, 16, 12, 24));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);

        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(ChartStyle.CARD);
            g.fillRoundRect(0, 0, WIDTH, height, ChartStyle.CORNER, ChartStyle.CORNER);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Picture(out.toByteArray(), altText, fileName);
    }
}
