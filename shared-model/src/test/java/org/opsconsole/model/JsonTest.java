package org.opsconsole.model;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void moneyIsWrittenAsADecimalStringWithTwoPlaces() throws Exception {
        String json = Json.mapper().writeValueAsString(new OrderItem("A", 3, new BigDecimal("12.5")));
        assertThat(json).isEqualTo("{\"sku\":\"A\",\"quantity\":3,\"unitPrice\":\"12.50\"}");
    }

    @Test
    void moneyIsNeverRoundedOnTheWaySoTheServiceCanRefuseIt() throws Exception {
        String json = Json.mapper().writeValueAsString(new OrderItem("A", 1, new BigDecimal("1.234")));
        assertThat(json).contains("\"unitPrice\":\"1.234\"");
    }

    @Test
    void moneyIsReadExactlyFromADecimalStringKeepingTheScaleAsWritten() throws Exception {
        OrderItem tenCents = Json.mapper().readValue("{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"0.10\"}", OrderItem.class);
        OrderItem tooPrecise = Json.mapper().readValue("{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.10000\"}", OrderItem.class);
        assertThat(tenCents.unitPrice()).isEqualTo(new BigDecimal("0.10"));
        assertThat(tenCents.amount().add(tenCents.amount()).add(tenCents.amount())).isEqualTo(new BigDecimal("0.30"));
        assertThat(tooPrecise.unitPrice().scale()).isEqualTo(5);
    }

    @Test
    void moneyAsAJsonNumberOrInAnotherFormatIsRefused() {
        for (String price : List.of("49.9", "5", "\" 1.00\"", "\"+1.00\"", "\"1e2\"", "\"1.00 \"", "\"\"")) {
            assertThatThrownBy(() -> Json.mapper().readValue(
                    "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":" + price + "}", OrderItem.class))
                    .as(price).isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void aFieldGivenTwiceIsRefusedNotTheLastOneTaken() {
        assertThatThrownBy(() -> Json.mapper().readValue("{\"name\":\"A\",\"name\":\"B\",\"email\":\"a@b.co\"}",
                UserDraft.class))
                .isInstanceOf(com.fasterxml.jackson.core.JsonParseException.class)
                .hasMessageContaining("Duplicate field 'name'");
    }

    @Test
    void inputIsStrict() {
        assertThatThrownBy(() -> Json.mapper().readValue("{\"name\":\"a\",\"email\":\"b\",\"id\":1}", UserDraft.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> Json.mapper().readValue("{\"name\":5,\"email\":\"b\"}", UserDraft.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> Json.mapper().readValue("{\"sku\":\"A\",\"quantity\":\"2\",\"unitPrice\":1}", OrderItem.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> Json.mapper().readValue("{\"sku\":\"A\",\"quantity\":1.5,\"unitPrice\":1}", OrderItem.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> Json.mapper().readValue("{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"ten\"}", OrderItem.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void statusMachineAllowsOnlyTheDesignedMoves() {
        assertThat(OrderStatus.NEW.next()).containsExactlyInAnyOrder(OrderStatus.PAID, OrderStatus.CANCELLED);
        assertThat(OrderStatus.PAID.next()).containsExactlyInAnyOrder(OrderStatus.SHIPPED, OrderStatus.CANCELLED);
        assertThat(OrderStatus.SHIPPED.next()).containsExactly(OrderStatus.DELIVERED);
        assertThat(OrderStatus.DELIVERED.next()).isEmpty();
        assertThat(OrderStatus.CANCELLED.next()).isEmpty();
        assertThat(List.of(OrderStatus.values()).stream().filter(OrderStatus::isOpen))
                .containsExactly(OrderStatus.NEW, OrderStatus.PAID);
    }
}
