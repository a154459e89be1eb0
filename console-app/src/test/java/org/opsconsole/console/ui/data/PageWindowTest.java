package org.opsconsole.console.ui.data;

import org.junit.jupiter.api.Test;
import org.opsconsole.model.Page;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The pager's way through a listing of 123 rows, 50 a page, as the service answers it. */
class PageWindowTest {

    private static final int TOTAL = 123;

    private static Page<Integer> rows(int from, int to, String next) {
        return new Page<>(IntStream.range(from, to).boxed().toList(), TOTAL, false, 50, 0, next);
    }

    @Test
    void nextFollowsTheCursorLastAsksFromTheEndAndPreviousGoesBackTheWayItCame() {
        PageWindow window = new PageWindow(50);
        window.show(rows(0, 50, "/users?after=a49"), window.first(), PageWindow.Move.FIRST);
        assertThat(window.textProperty().get()).isEqualTo("1–50 of 123 · page 1 of 3");
        assertThat(window.hasPrevious()).isFalse();
        assertThat(window.next()).isEqualTo(new PageWindow.Position(50, "/users?after=a49", false, 50));

        PageWindow.Position second = window.next();
        window.show(rows(50, 100, "/users?after=a99"), second, PageWindow.Move.NEXT);
        assertThat(window.textProperty().get()).isEqualTo("51–100 of 123 · page 2 of 3");
        assertThat(window.previous()).isEqualTo(window.first());

        // the last 23 rows, asked in the opposite sort: as cheap as the first page
        PageWindow.Position last = window.last();
        assertThat(last).isEqualTo(new PageWindow.Position(100, null, true, 23));
        window.show(rows(100, TOTAL, "/users?sort=-id&after=b100"), last, PageWindow.Move.LAST);
        assertThat(window.textProperty().get()).isEqualTo("101–123 of 123 · page 3 of 3");
        assertThat(window.hasNext()).isFalse();

        // back from the end: on in the opposite sort, then forward again the way it came
        PageWindow.Position before = window.previous();
        assertThat(before).isEqualTo(new PageWindow.Position(50, "/users?sort=-id&after=b100", true, 50));
        window.show(rows(50, 100, "/users?sort=-id&after=b50"), before, PageWindow.Move.PREVIOUS);
        assertThat(window.textProperty().get()).isEqualTo("51–100 of 123 · page 2 of 3");
        assertThat(window.hasNext()).isTrue();
        assertThat(window.next()).isEqualTo(last);
    }

    @Test
    void theOppositeSortReadsFromTheEndAndItsRowsAreTurnedBack() {
        assertThat(PageWindow.reversed(null)).isEqualTo("-id");
        assertThat(PageWindow.reversed("name")).isEqualTo("-name");
        assertThat(PageWindow.reversed("-createdAt")).isEqualTo("createdAt");
        assertThat(PageWindow.inTableOrder(rows(0, 3, null)).items()).containsExactly(2, 1, 0);
    }

    @Test
    void anEstimatedTotalIsSaidAsOneAndAnExactOneInFull() {
        PageWindow window = new PageWindow(50);
        List<Integer> fifty = Collections.nCopies(50, 1);

        window.show(new Page<>(fifty, 1_234_567, true, 50, 0, "/users?after=x"), window.first(), PageWindow.Move.FIRST);
        assertThat(window.textProperty().get()).isEqualTo("1–50 of about 1.2 M · page 1 of about 25 K");

        window.show(new Page<>(fifty, 12_345, true, 50, 0, null), window.first(), PageWindow.Move.FIRST);
        assertThat(window.textProperty().get()).isEqualTo("1–50 of about 12 K · page 1 of about 247");
        assertThat(PageWindow.rounded(3_000_000)).isEqualTo("3 M");
        assertThat(PageWindow.rounded(9_999)).isEqualTo("9,999");
    }
}
