package dev.studybot.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextRepairTest {
    private static String mojibake(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
    }

    @Test
    void utf8ReadAsWindows1252IsRepaired() {
        assertThat(mojibake("you\u2019d")).isEqualTo("you\u00e2\u20ac\u2122d");
        assertThat(TextRepair.repairMojibake("metrics you\u00e2\u20ac\u2122d use")).isEqualTo("metrics you\u2019d use");
        assertThat(TextRepair.repairMojibake(mojibake("\u201cquoted\u201d \u2014 caf\u00e9 \uD83C\uDF1F")))
                .isEqualTo("\u201cquoted\u201d \u2014 caf\u00e9 \uD83C\uDF1F");
    }

    @Test
    void realAccentsAndSymbolsStayAsTheyAre() {
        String text = "caf\u00e9, na\u00efve, \u00a9 2024, \u00bd, \u00d7 and \u00c0 la carte";
        assertThat(TextRepair.repairMojibake(text)).isEqualTo(text);
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsWindows1252() {
        byte[] cp1252 = {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x93, 'x', (byte) 0x94};
        assertThat(TextRepair.decode(cp1252)).isEqualTo("caf\u00e9 \u201cx\u201d");
        assertThat(TextRepair.decode("\uFEFFhello".getBytes(StandardCharsets.UTF_8))).isEqualTo("hello");
    }
}
