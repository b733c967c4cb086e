package dev.studybot.port.out;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What studybot counts and times while it runs, for an operator's dashboard. The core and the
 * adapters report here; an implementation exports it (Prometheus through Micrometer) or drops it.
 * Every method is cheap and never throws.
 */
public interface Telemetry {
    /** A post, close or reply the platform took. */
    void postSent(String platform);

    /** A post the platform refused for good (the schedule pauses). */
    void postRefused(String platform, String reason);

    /** A post that failed for now and goes out again later. */
    void postRetried(String platform);

    /** A 429 from the platform, and whether the platform said it was global. */
    void rateLimited(String platform, boolean global);

    /** How long the platform took to be told a command was seen. */
    void acknowledged(String platform, Duration latency);

    /** How long one answer took to grade. */
    void graded(Duration latency);

    /** An answer stored, counted or practice. */
    void answerRecorded(boolean counted);

    /** A gauge read when exported, such as the number of posts waiting to go out. */
    void gauge(String name, Supplier<Number> value);

    /** Drops everything: tests, and runs with no metrics endpoint. */
    Telemetry NONE = new Telemetry() {
        @Override public void postSent(String platform) { }
        @Override public void postRefused(String platform, String reason) { }
        @Override public void postRetried(String platform) { }
        @Override public void rateLimited(String platform, boolean global) { }
        @Override public void acknowledged(String platform, Duration latency) { }
        @Override public void graded(Duration latency) { }
        @Override public void answerRecorded(boolean counted) { }
        @Override public void gauge(String name, Supplier<Number> value) { }
    };
}
