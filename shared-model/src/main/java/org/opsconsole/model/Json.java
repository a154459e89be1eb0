package org.opsconsole.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * The one JSON mapping of the REST contract. Strict on input (unknown fields, wrong types, floats
 * for integers and trailing tokens are errors), ISO-8601 instants, and money as a decimal string
 * with two places: {@code "12.50"}, never a float.
 */
public final class Json {

    private static final ObjectMapper MAPPER = create();

    private Json() {
    }

    /** The shared, thread-safe mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        SimpleModule money = new SimpleModule("money")
                .addSerializer(BigDecimal.class, new MoneySerializer())
                .addDeserializer(BigDecimal.class, new MoneyDeserializer());
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(money)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                // {"name":"A","name":"B"} is an error, not "last one wins"
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // a number or boolean where text is expected is a client mistake, not "5"
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxNumberLength(64)
                .build());
        return mapper;
    }

    /**
     * Writes money as a string with at least two decimal places ("12.50"); never rounds, so a
     * client's 1.234 reaches the service as "1.234" and is refused there rather than changed here.
     */
    static final class MoneySerializer extends StdScalarSerializer<BigDecimal> {
        MoneySerializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString((value.scale() < 2 ? value.setScale(2, RoundingMode.UNNECESSARY) : value).toPlainString());
        }
    }

    /**
     * Reads money from a decimal string, digits with an optional fraction ({@code "12.50"}),
     * keeping every digit and the scale as written, so the service can refuse what is not written
     * with two places. A JSON number, a sign, spaces or an exponent are refused here: money is never
     * a float, and {@code " 1.00"} or {@code "+1.00"} are not the documented format.
     */
    static final class MoneyDeserializer extends StdScalarDeserializer<BigDecimal> {
        private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?");

        MoneyDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String text = p.getText();
                if (DECIMAL.matcher(text).matches()) {
                    return new BigDecimal(text);
                }
                return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, text,
                        "not a decimal string like \"12.50\"");
            }
            return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
        }
    }
}
