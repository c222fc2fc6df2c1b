package dev.esimbot.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esimbot.support.SupportProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The staff supergroup in local mode: topics on, one agent (the person at the page). Without SUPPORT_CHAT_ID the
 * tickets go to a built-in group with a fixed id, so the handoff works out of the box; with it, that group is played.
 */
final class LocalStaffGroup {

    /** Shaped like a real supergroup id (-100...), and far from any demo user's. */
    static final long DEFAULT_ID = -1_000_000_000_001L;
    static final String TITLE = "Support team";
    static final long AGENT_ID = 800_001;
    static final String AGENT_NAME = "Mei";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** One of the six colours Telegram allows for topic icons (blue). */
    private static final int ICON_COLOR = 7322096;

    private LocalStaffGroup() {
    }

    /** Sets the built-in group into the support settings when none is configured. */
    static BeanPostProcessor defaultGroup() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof SupportProperties support && support.staffChat() == null) {
                    return support.withChatId(DEFAULT_ID);
                }
                return bean;
            }
        };
    }

    /** The Chat object as messages carry it. */
    static ObjectNode chat(long id) {
        return JSON.objectNode().put("id", id).put("title", TITLE).put("type", "supergroup").put("is_forum", true);
    }

    /** The ChatFullInfo getChat answers. */
    static ObjectNode fullInfo(long id) {
        return chat(id).put("accent_color_id", 0).put("max_reaction_count", 11);
    }

    /** Makes {@code message} the service message that opens a topic; its id is the topic's thread id. */
    static ObjectNode topicCreated(ObjectNode message, String name) {
        message.put("message_thread_id", message.path("message_id").asInt()).put("is_topic_message", true);
        message.putObject("forum_topic_created").put("name", name).put("icon_color", ICON_COLOR);
        return message;
    }

    /** The ForumTopic createForumTopic answers, for the topic {@code created} opened. */
    static ObjectNode forumTopic(ObjectNode created) {
        return JSON.objectNode().put("message_thread_id", created.path("message_thread_id").asInt())
                .put("name", created.path("forum_topic_created").path("name").asText()).put("icon_color", ICON_COLOR);
    }

    static ObjectNode agent(String languageCode) {
        return JSON.objectNode().put("id", AGENT_ID).put("is_bot", false).put("first_name", AGENT_NAME)
                .put("language_code", languageCode);
    }
}
