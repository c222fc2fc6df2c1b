package dev.esimbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/** What is in hand per partition, and when a read may be taken: the bookkeeping alone, no stream behind it. */
class InHandTest {

    @Test
    void aReadStartedWhileItsPartitionWasClosedIsNotTakenAfterTheReopeningSoWhatWasGivenUpIsReadFirst() {
        // GIVEN chat 2's entry X and chat 1's entry E in hand, and E given up (the partition closes while X runs)
        InHand hand = new InHand(1, 10);
        StreamEntry x = entry(1, "2");
        StreamEntry e = entry(2, "1");
        hand.take(0, hand.next(0).orElseThrow(), List.of(x, e));
        hand.givenUp(0, e.getID());
        // WHEN the reader asks where to read while closed, and X is given up (the partition reopens) before that read,
        // which found chat 1's later entry N, returns
        Optional<InHand.Next> during = hand.next(0);
        hand.givenUp(0, x.getID());
        List<StreamEntry> taken = during.map(next -> hand.take(0, next, List.of(entry(3, "1")))).orElse(List.of());
        // THEN N is not taken, and the partition is read again from its oldest entry, so E comes before N
        assertThat(taken).isEmpty();
        assertThat(hand.next(0).orElseThrow().from()).isNull();
        assertThat(hand.count()).isZero();
    }

    @Test
    void aRewoundPartitionIsReadFromItsOldestAndWhatIsInHandIsNotTakenTwice() {
        // GIVEN two entries in hand
        InHand hand = new InHand(1, 10);
        hand.take(0, hand.next(0).orElseThrow(), List.of(entry(1, "1"), entry(2, "2")));
        // WHEN a read from the cursor found nothing though the stream holds more, and the partition is rewound
        hand.rewind(0, hand.next(0).orElseThrow());
        InHand.Next again = hand.next(0).orElseThrow();
        // THEN it is read from the oldest, and of what that finds only the entry passed over is taken
        assertThat(again.from()).isNull();
        assertThat(hand.take(0, again, List.of(entry(1, "1"), entry(2, "2"), entry(3, "3"))))
                .extracting(StreamEntry::getID).containsExactly(new StreamEntryID(3, 0));
        assertThat(hand.count()).isEqualTo(3);
    }

    private static StreamEntry entry(long id, String chat) {
        return new StreamEntry(new StreamEntryID(id, 0), Map.of(UpdateStream.CHAT, chat, UpdateStream.UPDATE, "{}"));
    }
}
