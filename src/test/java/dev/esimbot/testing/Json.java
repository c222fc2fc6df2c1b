package dev.esimbot.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one Jackson 2 mapper of the fake: the same JSON dialect the TelegramBots library speaks. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode parseObject(String json) {
        JsonNode node = parse(json);
        if (!node.isObject()) {
            throw new IllegalArgumentException("Expected a JSON object but got: " + node.getNodeType());
        }
        return (ObjectNode) node;
    }
}
