package dev.esimbot.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.esimbot.conversation.SupportDesk;
import dev.esimbot.sandbox.SandboxControl;
import dev.esimbot.session.ChatSessions;
import dev.esimbot.telegram.TelegramMode;
import dev.esimbot.telegram.UpdatePipeline;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the local chat page talks to. The page's input becomes Bot API update JSON handed to the same pipeline as long
 * polling; what the bot sends reaches the page as server-sent events. Registered only in local mode.
 */
@RestController
@Conditional(TelegramMode.Local.class)
@RequestMapping("/local/api")
class LocalChatController {

    record SendRequest(String text, String languageCode) {
    }

    record TapRequest(int messageId, String data, String languageCode) {
    }

    record UserView(long id, String firstName, String languageCode, String profile) {
    }

    private final LocalBotApi api;
    private final LocalUpdates updates;
    private final UpdatePipeline pipeline;
    private final ChatSessions sessions;
    private final ObjectProvider<SandboxControl> sandbox;
    private final SupportDesk support;
    private final Set<SseEmitter> streams = ConcurrentHashMap.newKeySet();

    LocalChatController(LocalBotApi api, LocalUpdates updates, UpdatePipeline pipeline, ChatSessions sessions,
                        ObjectProvider<SandboxControl> sandbox, SupportDesk support) {
        this.api = api;
        this.updates = updates;
        this.pipeline = pipeline;
        this.sessions = sessions;
        this.sandbox = sandbox;
        this.support = support;
    }

    @GetMapping("/users")
    List<UserView> users() {
        return DemoUser.ALL.stream().map(u -> new UserView(u.id(), u.firstName(), u.languageCode(), u.profile().name())).toList();
    }

    /** The chat's history so far, then every new message, edit and toast as it happens. */
    @GetMapping(path = "/chats/{chatId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable long chatId) {
        SseEmitter emitter = new SseEmitter(0L);
        Consumer<LocalBotApi.Event> forward = event -> {
            if (event.chatId() == chatId) {
                send(emitter, event);
            }
        };
        api.subscribe(forward);
        streams.add(emitter);
        Runnable closed = () -> {
            api.unsubscribe(forward);
            streams.remove(emitter);
        };
        emitter.onCompletion(closed);
        emitter.onError(e -> closed.run());
        emitter.onTimeout(closed);
        // A comment first, so the response starts at once even for an empty chat: the browser's EventSource reports
        // the stream open only when it has the headers, and without a first write they wait for the first event.
        comment(emitter, "history follows");
        api.history(chatId).forEach(event -> send(emitter, event));
        return emitter;
    }

    /**
     * Ends the open event streams when the app stops. The web server's graceful shutdown waits for active requests,
     * and a stream to a page still open (or to a browser that went away, which the server only learns on its next
     * write) would hold it up for the whole shutdown timeout.
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        streams.forEach(SseEmitter::complete);
    }

    @PostMapping("/chats/{chatId}/messages")
    ResponseEntity<Void> send(@PathVariable long chatId, @RequestBody SendRequest request) {
        DemoUser user = DemoUser.find(chatId);
        if (request.text() == null || request.text().isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        ObjectNode message = updates.message(user, language(user, request.languageCode()), request.text());
        api.userMessage(chatId, message);
        pipeline.handle(updates.messageUpdate(message));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/chats/{chatId}/callbacks")
    ResponseEntity<Void> tap(@PathVariable long chatId, @RequestBody TapRequest request) {
        DemoUser user = DemoUser.find(chatId);
        ObjectNode message = api.botMessage(chatId, request.messageId());
        if (message == null || request.data() == null) {
            return ResponseEntity.notFound().build();
        }
        String callbackId = LocalUpdates.newCallbackId();
        api.expectCallback(callbackId, chatId);
        pipeline.handle(updates.callbackUpdate(user, language(user, request.languageCode()), message, request.data(), callbackId));
        return ResponseEntity.accepted().build();
    }

    /** Starts this user over: no chat history, no session, no open ticket (staff are told), freshly seeded eSIMs. */
    @PostMapping("/chats/{chatId}/reset")
    ResponseEntity<Void> reset(@PathVariable long chatId) {
        DemoUser user = DemoUser.find(chatId);
        api.forget(chatId);
        support.closeByUser(chatId);
        sessions.forget(chatId);
        sandbox.ifAvailable(control -> control.reset(chatId, user.profile()));
        return ResponseEntity.noContent().build();
    }

    private static String language(DemoUser user, String requested) {
        return requested == null || requested.isBlank() ? user.languageCode() : requested;
    }

    private static void comment(SseEmitter emitter, String comment) {
        write(emitter, SseEmitter.event().comment(comment));
    }

    private static void send(SseEmitter emitter, LocalBotApi.Event event) {
        write(emitter, SseEmitter.event().name("chat").data(event.json(), MediaType.APPLICATION_JSON));
    }

    /**
     * A stream whose page went away fails on write (how it shows depends on where the servlet container noticed);
     * it is ended here and never fails the bot's send, which other open pages of the chat must still see.
     */
    private static void write(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | RuntimeException e) {
            try {
                emitter.completeWithError(e);
            } catch (RuntimeException alreadyEnded) {
                // completed meanwhile: nothing left to end
            }
        }
    }
}
