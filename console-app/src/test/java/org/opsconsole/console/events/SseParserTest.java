package org.opsconsole.console.events;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SseParserTest {

    private final List<SseEvent> events = new ArrayList<>();
    private final SseParser parser = new SseParser(events::add);

    private void feed(String text) {
        text.lines().forEach(parser::line);
    }

    @Test
    void dispatchesOnBlankLine() {
        feed("""
                id: 7
                event: user.created
                data: {"id":7}

                """);
        assertThat(events).containsExactly(new SseEvent("7", "user.created", "{\"id\":7}"));
        assertThat(parser.lastId()).isEqualTo("7");
    }

    @Test
    void joinsDataLinesAndIgnoresCommentsAndUnknownFields() {
        feed("""
                : keep-alive
                retry: 1000
                data:first
                data: second
                whatever: x

                """);
        assertThat(events).containsExactly(new SseEvent(null, null, "first\nsecond"));
    }

    @Test
    void anEventWithoutDataIsNotDispatchedButItsIdIsKept() {
        feed("""
                id: 41

                data: x

                """);
        assertThat(events).containsExactly(new SseEvent("41", null, "x"));
    }

    @Test
    void aHalfReceivedEventIsForgottenOnReset() {
        feed("id: 1\ndata: partial");
        parser.reset();
        feed("\n");
        assertThat(events).isEmpty();
        assertThat(parser.lastId()).isEqualTo("1");
    }
}
