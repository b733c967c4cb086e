package dev.studybot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackMarkupTest {
    private final SlackMarkup m = new SlackMarkup();

    @ParameterizedTest
    @ValueSource(strings = {"<!channel>", "<!here>", "<!everyone>", "<@U024BE7LH>", "<!subteam^SAZ94GDB8>", "<#C024BE7LR>",
            "<https://evil.example|click>", "a <b> & c"})
    void specialSequencesCannotForm(String raw) {
        String out = m.text(raw);
        assertThat(out).doesNotContain("<", ">");
        assertThat(out.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "")).doesNotContain("&");
    }

    @Test
    void ampersandsAndAnglesAreEscapedOnce() {
        assertThat(m.text("Tom & Jerry <3 &amp;")).isEqualTo("Tom &amp; Jerry &lt;3 &amp;amp;");
    }

    @Test
    void broadcastWordsGetAWordJoiner() {
        String out = m.text("ping @here, @Channel and @everyone but not @hereford or me@here.com");
        assertThat(out).doesNotContainPattern("@(?i:here|channel|everyone)\\b");
        assertThat(out).contains("@\u2060here", "@\u2060Channel", "@\u2060everyone", "@hereford");
    }

    @Test
    void codeCannotBeClosedEarly() {
        assertThat(m.code("a`b<c>")).isEqualTo("`a\u02CBb&lt;c&gt;`");
    }

    @Test
    void markdownBecomesMrkdwn() {
        String md = """
                **Dropout** randomly zeroes *activations* during training; see `p = 0.5`.

                - item one with <tags> & more
                - item **two**

                1. first
                2. second

                ```
                x = a < b && c
                ```

                [paper](https://example.org/paper?a=1&b=2) and [bad](javascript:alert(1))<br>end
                """;
        String out = SlackMrkdwn.fromMarkdown(md);
        assertThat(out).contains("*Dropout* randomly zeroes _activations_ during training; see `p = 0.5`.");
        assertThat(out).contains("• item one with &lt;tags&gt; &amp; more\n• item *two*");
        assertThat(out).contains("1. first\n2. second");
        assertThat(out).contains("```\nx = a &lt; b &amp;&amp; c\n```");
        assertThat(out).contains("<https://example.org/paper?a=1&amp;b=2|paper>", "bad").doesNotContain("javascript");
        assertThat(out).contains("\nend");
    }

    @Test
    void theBanksAnswersRenderWithoutRawAngles() {
        String out = SlackMrkdwn.fromMarkdown("Use <b>bold</b> and a <!channel> & <@U1> here.");
        assertThat(out).doesNotContain("<!", "<@", "<b>");
    }
}
