package dev.esimbot.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esimbot.support.SupportProperties;
import dev.esimbot.telegram.TelegramMode;
import dev.esimbot.telegram.UpdatePipeline;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff pane of the local chat page: the person at the page plays the agent. What they write becomes a staff
 * group message update for the same pipeline; the group's posts reach the pane through the chat event stream of the
 * group's id ({@link LocalChatController#events}).
 */
@RestController
@Conditional(TelegramMode.Local.class)
@RequestMapping("/local/api/staff")
class LocalStaffController {

    record StaffView(long chatId, String title, String agentName) {
    }

    /** {@code topicId} null: the group's General topic. */
    record AgentRequest(Integer topicId, String text, String languageCode) {
    }

    private final LocalBotApi api;
    private final LocalUpdates updates;
    private final UpdatePipeline pipeline;
    private final long staffChat;

    LocalStaffController(LocalBotApi api, LocalUpdates updates, UpdatePipeline pipeline, SupportProperties support) {
        this.api = api;
        this.updates = updates;
        this.pipeline = pipeline;
        this.staffChat = support.staffChat();
    }

    @GetMapping
    StaffView staff() {
        return new StaffView(staffChat, LocalStaffGroup.TITLE, LocalStaffGroup.AGENT_NAME);
    }

    @PostMapping("/messages")
    ResponseEntity<Void> send(@RequestBody AgentRequest request) {
        if (request.text() == null || request.text().isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        ObjectNode topicStart = null;
        if (request.topicId() != null) {
            topicStart = api.botMessage(staffChat, request.topicId());
            if (topicStart == null || !topicStart.has("forum_topic_created")) {
                return ResponseEntity.notFound().build();
            }
        }
        String language = request.languageCode() == null || request.languageCode().isBlank() ? "en" : request.languageCode();
        ObjectNode message = updates.staffMessage(staffChat, topicStart, language, request.text());
        api.userMessage(staffChat, message);
        pipeline.handle(updates.messageUpdate(message));
        return ResponseEntity.accepted().build();
    }
}
