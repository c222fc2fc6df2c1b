package dev.esimbot.understanding;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Closes the holes stop words leave, so "does not work" and "not work" are the same sequence: synonym rules may then
 * hold stop words, and a synonym phrase matches across a removed word.
 */
final class ClosedGaps extends TokenFilter {

    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);

    ClosedGaps(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (position.getPositionIncrement() > 1) {
            position.setPositionIncrement(1);
        }
        return true;
    }
}
