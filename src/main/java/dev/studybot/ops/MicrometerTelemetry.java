package dev.studybot.ops;

import dev.studybot.port.out.Telemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Telemetry as Prometheus metrics through Micrometer. The names, as {@code /metrics} shows them:
 * {@code studybot_posts_sent_total}, {@code _refused_total} (with {@code reason}) and
 * {@code _retried_total} by {@code platform}; {@code studybot_rate_limited_total} by {@code platform}
 * and {@code scope} (global or route); {@code studybot_command_ack_seconds} by {@code platform} and
 * {@code studybot_grading_seconds} (histograms); {@code studybot_answers_recorded_total} by
 * {@code kind} (counted or practice); each gauge as {@code studybot_} + its name
 * ({@code posts.queued}: {@code studybot_posts_queued}); and the JVM's memory, threads, CPU and uptime.
 */
public final class MicrometerTelemetry implements Telemetry {
    private static final Duration FASTEST = Duration.ofMillis(1);
    private static final Duration SLOWEST = Duration.ofSeconds(10);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public MicrometerTelemetry() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        // present from the start, so a dashboard shows 0 rather than no data before the first answer
        answers("counted");
        answers("practice");
        timer("studybot.grading", "Time to grade one answer").register(registry);
    }

    @Override
    public void postSent(String platform) {
        Counter.builder("studybot.posts.sent").description("Posts, closes and replies the platform took")
                .tag("platform", named(platform)).register(registry).increment();
    }

    @Override
    public void postRefused(String platform, String reason) {
        Counter.builder("studybot.posts.refused").description("Posts the platform refused for good")
                .tag("platform", named(platform)).tag("reason", named(reason).toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    @Override
    public void postRetried(String platform) {
        Counter.builder("studybot.posts.retried").description("Posts that failed for now and go out again later")
                .tag("platform", named(platform)).register(registry).increment();
    }

    @Override
    public void rateLimited(String platform, boolean global) {
        Counter.builder("studybot.rate.limited").description("429 answers from the platform")
                .tag("platform", named(platform)).tag("scope", global ? "global" : "route").register(registry).increment();
    }

    @Override
    public void acknowledged(String platform, Duration latency) {
        timer("studybot.command.ack", "Time from a command's arrival to the platform taking its acknowledgement")
                .tag("platform", named(platform)).register(registry).record(latency);
    }

    @Override
    public void graded(Duration latency) {
        timer("studybot.grading", "Time to grade one answer").register(registry).record(latency);
    }

    @Override
    public void answerRecorded(boolean counted) {
        answers(counted ? "counted" : "practice").increment();
    }

    @Override
    public void gauge(String name, Supplier<Number> value) {
        Gauge.builder("studybot." + name, value, MicrometerTelemetry::read).strongReference(true).register(registry);
    }

    /** A label value: never null, which Micrometer would refuse. */
    private static String named(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    /** Everything in Prometheus's text format. */
    public String scrape() {
        return registry.scrape();
    }

    private Counter answers(String kind) {
        return Counter.builder("studybot.answers.recorded").description("Answers graded: counted (scored and stored) or practice")
                .tag("kind", kind).register(registry);
    }

    private static Timer.Builder timer(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(FASTEST).maximumExpectedValue(SLOWEST);
    }

    /** A gauge that fails to read is not a number, never an exception in the scrape. */
    private static double read(Supplier<Number> value) {
        try {
            Number n = value.get();
            return n == null ? Double.NaN : n.doubleValue();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
