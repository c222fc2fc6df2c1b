package dev.esimbot.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What is kept of a text not understood holds no phone number, ICCID, e-mail, link, handle or order id. */
class MaskingTest {

    @Test
    void fullWidthDigitsAndAtSignAreMaskedLikePlainOnes() {
        // GIVEN texts typed with a Chinese keyboard's full-width digits and '＠'
        // WHEN they are masked
        // THEN the phone number, the ICCID and the e-mail are gone
        assertThat(Masking.mask("我的手机号是１３８００１３８０００")).isEqualTo("我的手机号是<number>");
        assertThat(Masking.mask("ICCID ８９８５２０００００１２３４５６７８９")).isEqualTo("iccid <number>");
        assertThat(Masking.mask("mail me at a＠b.com")).isEqualTo("mail me at <email>");
        assertThat(Masking.mask("code ٣٤٥٦ ok")).isEqualTo("code <number> ok");
    }

    @Test
    void linksHandlesAndOrderIdsAreMasked() {
        // GIVEN a text with a link, a Telegram handle and an order id mixing letters and digits
        String text = "see https://shop.example.com/o?id=99 and www.example.com, ask @ann_lee about ORD-7KX9QZ or ab12cd";

        // WHEN it is masked
        String masked = Masking.mask(text);

        // THEN none of them is left, and the words around them are
        assertThat(masked).isEqualTo("see <link> and <link> ask <handle> about <code> or <code>");
        assertThat(Masking.mask("my esim stopped in 5g areas")).isEqualTo("my esim stopped in #g areas");
    }
}
