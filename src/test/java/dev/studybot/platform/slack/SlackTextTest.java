package dev.studybot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackTextTest {
    @Test
    void membersStayIdsTheCoreCanFind() {
        assertThat(SlackText.typed("stats <@U0MEMBER|bob>")).isEqualTo("stats @U0MEMBER");
        assertThat(SlackText.typed("stats <@U0MEMBER>")).isEqualTo("stats @U0MEMBER");
    }

    @Test
    void specialMentionsChannelsGroupsAndLinksGoBackToWhatWasTyped() {
        assertThat(SlackText.typed("team create <!channel> crew")).isEqualTo("team create @channel crew");
        assertThat(SlackText.typed("<!here|here> <!everyone>")).isEqualTo("@here @everyone");
        assertThat(SlackText.typed("<!subteam^S123|@admins> in <#C42|general>")).isEqualTo("@admins in #general");
        assertThat(SlackText.typed("see <https://example.org|example.org> or <mailto:a@b.c>")).isEqualTo("see example.org or mailto:a@b.c");
    }

    @Test
    void entitiesAreDecodedOnce() {
        assertThat(SlackText.typed("answer a &lt; b &amp;&amp; c &gt; d &amp;lt;")).isEqualTo("answer a < b && c > d &lt;");
    }
}
