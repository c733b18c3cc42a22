package no.alisportalen.monitoring.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBubbleRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * Charts drawn on the server with JFreeChart and written as SVG (JFreeSVG): no npm bundle, crisp at any size,
 * printable. Colours are the portal's accent and a second colour that both keep 4.5:1 contrast on white.
 */
final class Charts {

    /** One colour per meaning, the same in every chart and on the position page (each ≥ 3:1 on white). */
    static final Color ACCENT = new Color(0x0b, 0x53, 0x94);
    static final Color SECOND = new Color(0xa3, 0x4a, 0x00);
    static final Color SALARIED = ACCENT;
    static final Color SELF_EMPLOYED = SECOND;
    static final Color APPLICATIONS = ACCENT;
    /** Exposure: shown in results (impressions), opened (views). */
    static final Color IMPRESSIONS = new Color(0x4a, 0x55, 0x68);
    static final Color VIEWS = new Color(0x00, 0x69, 0x5c);
    /** A comparison (the median of positions like it) beside the thing itself. */
    static final Color PEERS = new Color(0x8a, 0x5a, 0x00);
    static final Color STANDARD_ELEMENTS = new Color(0x2e, 0x7d, 0x32);
    static final Color EXTRA_ELEMENTS = new Color(0x6a, 0x1b, 0x9a);
    static final int WIDTH = 560;
    static final int HEIGHT = 300;

    private Charts() {}

    /** A bar per category; each map is one series, in the colours given for them (by meaning). */
    static String bars(String noData, String valueAxis, Map<String, Map<String, Number>> series) {
        return bars(noData, valueAxis, series, List.of(ACCENT, SECOND));
    }

    static String bars(String noData, String valueAxis, Map<String, Map<String, Number>> series, List<Color> colours) {
        var dataset = new DefaultCategoryDataset();
        series.forEach((name, values) -> values.forEach((category, value) -> dataset.addValue(value, name, category)));
        // Many or long category names ("Kommunal akutt døgnenhet", "Fastlegepraksis") do not fit under a bar
        // without being broken mid-word or cut: such charts lie on their side, names in full on the left.
        boolean sideways = dataset.getColumnCount() > 3 || dataset.getColumnKeys().stream()
                .anyMatch(key -> String.valueOf(key).length() > 14);
        var chart = themed(ChartFactory.createBarChart(null, null, valueAxis, dataset,
                sideways ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, series.size() > 1, false, false));
        double max = 0;
        for (int r = 0; r < dataset.getRowCount(); r++) {
            for (int c = 0; c < dataset.getColumnCount(); c++) {
                var value = dataset.getValue(r, c);
                max = Math.max(max, value == null ? 0 : value.doubleValue());
            }
        }
        fromZero(chart.getCategoryPlot().getRangeAxis(), max, 1);
        var categories = chart.getCategoryPlot().getDomainAxis();
        categories.setMaximumCategoryLabelLines(3);
        categories.setMaximumCategoryLabelWidthRatio(sideways ? 0.45f : 1.0f);
        var renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < colours.size(); i++) {
            renderer.setSeriesPaint(i, colours.get(i));
        }
        return svg(chart, noData);
    }

    /** Applications per week as a line. */
    static String weekly(String noData, String series, String valueAxis, Map<LocalDate, Long> perWeek) {
        var line = new TimeSeries(series);
        perWeek.forEach((week, count) -> line.addOrUpdate(new Day(Date.from(week.atStartOfDay(ZoneId.of("Europe/Oslo"))
                .toInstant())), count));
        var chart = themed(ChartFactory.createTimeSeriesChart(null, null, valueAxis, new TimeSeriesCollection(line),
                false, false, false));
        ((org.jfree.chart.axis.DateAxis) chart.getXYPlot().getDomainAxis())
                .setDateFormatOverride(new java.text.SimpleDateFormat("d.M.yy"));
        var axis = (org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getRangeAxis();
        axis.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        fromZero(axis, perWeek.values().stream().mapToLong(Long::longValue).max().orElse(0), 2);
        var renderer = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        renderer.setDefaultShapesVisible(true);
        renderer.setSeriesPaint(0, ACCENT);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        return svg(chart, noData);
    }

    /** Municipalities placed by longitude and latitude; bubble size is the value (e.g. open positions). */
    static String bubbles(String noData, String xAxis, String yAxis, List<double[]> lonLatValue) {
        var dataset = new DefaultXYZDataset();
        double max = lonLatValue.stream().mapToDouble(v -> v[2]).max().orElse(1);
        var data = new double[3][lonLatValue.size()];
        for (int i = 0; i < lonLatValue.size(); i++) {
            data[0][i] = lonLatValue.get(i)[0];
            data[1][i] = lonLatValue.get(i)[1];
            data[2][i] = 0.15 + 0.6 * lonLatValue.get(i)[2] / Math.max(max, 1);
        }
        dataset.addSeries("", data);
        var chart = themed(ChartFactory.createBubbleChart(null, xAxis, yAxis, dataset, PlotOrientation.VERTICAL,
                false, false, false));
        var renderer = new XYBubbleRenderer(XYBubbleRenderer.SCALE_ON_RANGE_AXIS);
        renderer.setSeriesPaint(0, new Color(0x0b, 0x53, 0x94, 170));
        chart.getXYPlot().setRenderer(renderer);
        chart.getXYPlot().getRangeAxis().setAutoRangeMinimumSize(1);
        chart.getXYPlot().getDomainAxis().setAutoRangeMinimumSize(1);
        return svg(chart, noData);
    }

    /** Bars of averages and percentages may be fractional; keep a sensible minimum range so one value shows. */
    /**
     * Counts, averages and shares are never negative: the axis runs from zero (JFreeChart's automatic range
     * centres a flat series on its value, so all-zero data drew an axis from -0.5 or -1).
     */
    private static void fromZero(org.jfree.chart.axis.ValueAxis axis, double max, double minimumTop) {
        axis.setRange(0, Math.max(minimumTop, max * 1.1));
    }

    /** The portal's fonts and colours; applied first, because a theme resets series colours. */
    private static JFreeChart themed(JFreeChart chart) {
        var theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        var font = new Font("DejaVu Sans", Font.PLAIN, 13);
        theme.setRegularFont(font);
        theme.setLargeFont(font.deriveFont(15f));
        theme.setExtraLargeFont(font.deriveFont(17f));
        theme.setSmallFont(font.deriveFont(12f));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xd0, 0xd0, 0xd0));
        theme.setRangeGridlinePaint(new Color(0xd0, 0xd0, 0xd0));
        theme.setAxisLabelPaint(new Color(0x20, 0x20, 0x20));
        theme.setTickLabelPaint(new Color(0x20, 0x20, 0x20));
        theme.apply(chart);
        return chart;
    }

    /** @param noData shown inside an empty chart, in the UI's language */
    private static String svg(JFreeChart chart, String noData) {
        chart.getPlot().setNoDataMessage(noData);
        chart.getPlot().setNoDataMessagePaint(new Color(0x20, 0x20, 0x20));
        var graphics = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        // No fixed size: it scales with its container, the viewBox keeps the proportions.
        return graphics.getSVGElement(null, false, new org.jfree.svg.ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }
}
