package org.opsconsole.console.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SequencedBufferTest {

    @Test
    void readersGetWhatCameAfterTheirLastNumber() {
        SequencedBuffer<String> buffer = new SequencedBuffer<>(10);
        assertThat(buffer.append("a")).isEqualTo(1);
        buffer.append("b");
        long seen = buffer.lastSeq();
        buffer.append("c");
        assertThat(buffer.after(seen)).containsExactly("c");
        assertThat(buffer.after(buffer.lastSeq())).isEmpty();
    }

    @Test
    void dropsTheOldestWhenFull() {
        SequencedBuffer<Integer> buffer = new SequencedBuffer<>(3);
        for (int i = 1; i <= 7; i++) {
            buffer.append(i);
        }
        assertThat(buffer.all()).containsExactly(5, 6, 7);
        assertThat(buffer.firstSeq()).isEqualTo(5);
        assertThat(buffer.after(2)).containsExactly(5, 6, 7);
        assertThat(buffer.after(6)).containsExactly(7);
    }
}
