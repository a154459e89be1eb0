package org.opsconsole.console.load.transport;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseParserTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Feeds the answer in pieces of {@code step} bytes; true once the parser says it is complete. */
    private static boolean feed(ResponseParser parser, String answer, int step) throws Exception {
        byte[] b = bytes(answer);
        boolean complete = false;
        for (int i = 0; i < b.length; i += step) {
            assertThat(complete).as("complete before its last byte").isFalse();
            complete = parser.feed(b, i, Math.min(step, b.length - i));
        }
        return complete;
    }

    private static ResponseParser parser() {
        ResponseParser p = new ResponseParser();
        p.reset(false);
        return p;
    }

    @Test
    void aContentLengthAnswerIsCompleteAtItsLastByteWhateverThePieces() throws Exception {
        for (int step : new int[] {1, 3, 1000}) {
            ResponseParser p = parser();
            assertThat(feed(p, "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\ncontent-length:   8 \r\n\r\n{\"id\":1}", step)).isTrue();
            assertThat(p.status()).isEqualTo(201);
            assertThat(new String(p.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
            assertThat(p.closeAfter()).isFalse();
        }
    }

    @Test
    void connectionHeadersDecideWhetherTheConnectionIsKept() throws Exception {
        ResponseParser close = parser();
        assertThat(feed(close, "HTTP/1.1 200 OK\r\nCONNECTION: Close\r\nContent-Length: 0\r\n\r\n", 1000)).isTrue();
        assertThat(close.closeAfter()).isTrue();

        ResponseParser old = parser();
        assertThat(feed(old, "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", 1000)).isTrue();
        assertThat(old.closeAfter()).as("HTTP/1.0 closes unless it says keep-alive").isTrue();

        ResponseParser oldKept = parser();
        assertThat(feed(oldKept, "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n", 1000)).isTrue();
        assertThat(oldKept.closeAfter()).isFalse();
    }

    @Test
    void aChunkedBodyIsDecodedWithExtensionsAndTrailers() throws Exception {
        String answer = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"
                + "4;name=value\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nX-Trailer: 1\r\n\r\n";
        for (int step : new int[] {1, 7, 1000}) {
            ResponseParser p = parser();
            assertThat(feed(p, answer, step)).isTrue();
            assertThat(new String(p.body(), StandardCharsets.ISO_8859_1)).isEqualTo("Wikipedia in\r\n\r\nchunks.");
        }
    }

    @Test
    void anAnswerToHeadOrWithoutContentHasNoBody() throws Exception {
        ResponseParser head = new ResponseParser();
        head.reset(true);
        assertThat(feed(head, "HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n", 1000)).isTrue();
        assertThat(head.body()).isEmpty();

        ResponseParser noContent = parser();
        assertThat(feed(noContent, "HTTP/1.1 204 No Content\r\n\r\n", 1000)).isTrue();
        assertThat(noContent.status()).isEqualTo(204);
    }

    @Test
    void aBodyThatRunsUntilCloseEndsWithTheStream() throws Exception {
        ResponseParser p = parser();
        assertThat(feed(p, "HTTP/1.1 200 OK\r\n\r\nall of it", 1000)).isFalse();
        assertThat(p.endOfStream()).isTrue();
        assertThat(new String(p.body(), StandardCharsets.ISO_8859_1)).isEqualTo("all of it");
        assertThat(p.closeAfter()).isTrue();
    }

    @Test
    void whatIsNotHttpIsRefusedInWords() {
        assertThatThrownBy(() -> feed(parser(), "SSH-2.0-OpenSSH\r\n\r\n", 1000))
                .hasMessage("not an HTTP/1.x status line");
        assertThatThrownBy(() -> feed(parser(), "HTTP/1.1 2x0 OK\r\n\r\n", 1000)).hasMessage("bad status code");
        assertThatThrownBy(() -> feed(parser(), "HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n", 1000))
                .hasMessage("bad Content-Length");
        assertThatThrownBy(() -> feed(parser(), "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nab", 1000))
                .hasMessage("more bytes than Content-Length");
        assertThatThrownBy(() -> feed(parser(), "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 1000))
                .hasMessage("bad chunk size");
    }
}
