// The staff pane of the local chat page: the staff supergroup beside the user's chat, one topic per ticket, and an
// input to answer as the agent. Plain JS, no build step. The group's messages arrive on the same kind of event stream
// as a user's chat (the group's chat id); what the agent writes is POSTed to /local/api/staff/messages and becomes a
// staff group update for the bot (see LocalStaffController).
'use strict';

(() => {
    const GENERAL = 0;
    const RETRY_MS = 3000;
    const chat = window.LocalChat;

    const state = {
        group: null,
        source: null,
        selected: GENERAL,
        unread: new Map(),
    };

    const $ = (selector) => document.querySelector(selector);

    // ---------------------------------------------------------------------------------------------------------------
    // Topics: a tab and a log per topic; General holds what is posted outside topics (staff alerts).

    function topicLog(topicId, name) {
        let log = $(`#staff-log .topic-log[data-topic="${topicId}"]`);
        if (!log) {
            log = document.createElement('section');
            log.className = 'topic-log';
            log.dataset.topic = topicId;
            $('#staff-log').appendChild(log);
            $('#topics').appendChild(topicTab(topicId, name));
            showSelected();
        }
        return log;
    }

    function topicTab(topicId, name) {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.className = 'topic-tab';
        tab.dataset.topic = topicId;
        tab.setAttribute('role', 'tab');
        const title = document.createElement('span');
        title.className = 'name';
        if (topicId === GENERAL) {
            title.dataset.label = 'general';
        }
        title.textContent = name ?? `#${topicId}`;
        const badge = document.createElement('span');
        badge.className = 'unread';
        tab.append(title, badge);
        tab.addEventListener('click', () => select(topicId));
        return tab;
    }

    function select(topicId) {
        state.selected = topicId;
        state.unread.delete(topicId);
        showSelected();
        $('#staff-input').focus();
    }

    function showSelected() {
        for (const log of document.querySelectorAll('#staff-log .topic-log')) {
            log.hidden = Number(log.dataset.topic) !== state.selected;
        }
        for (const tab of document.querySelectorAll('#topics .topic-tab')) {
            const topicId = Number(tab.dataset.topic);
            tab.setAttribute('aria-selected', String(topicId === state.selected));
            tab.querySelector('.unread').textContent = state.unread.get(topicId) || '';
        }
        const log = $('#staff-log');
        log.scrollTop = log.scrollHeight;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Posts: the bot's own (context card, bumps, rating, alerts) are HTML; copies of the user's messages and what
    // the agent wrote are plain text; a topic's first message is Telegram's "topic created" service message.

    function onEvent(event) {
        const message = event.message;
        if (!message) {
            return;
        }
        const topicId = message.is_topic_message ? message.message_thread_id : GENERAL;
        if (message.forum_topic_created) {
            topicLog(topicId, message.forum_topic_created.name);
            // A new ticket comes to the front unless the agent is busy in another one.
            if (state.selected === GENERAL) {
                state.selected = topicId;
            }
            topicLog(topicId).appendChild(service(message.forum_topic_created.name));
        } else {
            topicLog(topicId).appendChild(post(event));
        }
        if (topicId !== state.selected) {
            state.unread.set(topicId, (state.unread.get(topicId) || 0) + 1);
        }
        showSelected();
    }

    function service(name) {
        const element = document.createElement('div');
        element.className = 'service';
        element.dataset.name = name;
        return relabel(element);
    }

    function post(event) {
        const message = event.message;
        const byAgent = event.type === 'user';
        const element = document.createElement('div');
        element.className = `msg ${byAgent ? 'user' : 'bot'}`;
        element.dataset.id = message.message_id;
        element.appendChild(sender(event));
        const bubble = chat.bubble(byAgent ? 'user' : 'bot', message, event.type !== 'message');
        if (byAgent && (message.text ?? '').trim().startsWith('#')) {
            element.classList.add('note');
        }
        element.appendChild(bubble);
        return element;
    }

    function sender(event) {
        const element = document.createElement('span');
        element.className = 'sender';
        element.dataset.from = event.message.from?.first_name ?? '';
        if (event.type === 'copy') {
            element.dataset.copyOf = event.source?.first_name ?? '?';
        } else if (event.type === 'user' && (event.message.text ?? '').trim().startsWith('#')) {
            element.dataset.note = 'true';
        }
        return relabel(element);
    }

    /** Sender lines and service messages in the page's language, again when it is switched. */
    function relabel(element) {
        const data = element.dataset;
        if (data.name !== undefined) {
            element.textContent = `${chat.label('topicCreated')}: ${data.name}`;
        } else if (data.copyOf !== undefined) {
            element.textContent = `${data.from} · ${chat.format(chat.label('copyOf'), data.copyOf)}`;
        } else {
            element.textContent = data.note ? `${data.from} · ${chat.label('note')}` : data.from;
        }
        return element;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The stream (history first, on every (re)connect) and the agent's input.

    function connect() {
        state.source?.close();
        const source = new EventSource(`/local/api/chats/${state.group.chatId}/events`);
        source.addEventListener('open', () => {
            $('#topics').replaceChildren();
            $('#staff-log').replaceChildren();
            state.unread.clear();
            topicLog(GENERAL, chat.label('general'));
        });
        source.addEventListener('error', () => {
            if (source.readyState === EventSource.CLOSED) {
                setTimeout(() => state.source === source && connect(), RETRY_MS);
            }
        });
        source.addEventListener('chat', (event) => onEvent(JSON.parse(event.data)));
        state.source = source;
    }

    async function send(event) {
        event.preventDefault();
        const input = $('#staff-input');
        const text = input.value.trim();
        if (!text) {
            return;
        }
        input.value = '';
        const languageCode = document.documentElement.dataset.lang === 'zh' ? 'zh-hans' : 'en';
        const body = { topicId: state.selected === GENERAL ? null : state.selected, text, languageCode };
        try {
            const response = await fetch('/local/api/staff/messages', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify(body),
            });
            if (!response.ok) {
                input.value = text;
                chat.toast(chat.format(chat.label('notSent'), response.status), 'error');
            }
        } catch {
            input.value = text;
            chat.toast(chat.label('offline'), 'error');
        }
    }

    function onLanguage() {
        $('#staff-as').textContent = `(${chat.format(chat.label('staffAs'), state.group.agentName)})`;
        document.querySelectorAll('#staff-log .sender, #staff-log .service').forEach(relabel);
    }

    async function init() {
        const response = await fetch('/local/api/staff');
        if (!response.ok) {
            return; // no staff group: the pane stays hidden
        }
        state.group = await response.json();
        $('#staff-name').textContent = state.group.title;
        onLanguage();
        // The page's language switch sets data-lang; labels with names in them follow here.
        new MutationObserver(onLanguage).observe(document.documentElement, { attributeFilter: ['data-lang'] });
        $('#staff-composer').addEventListener('submit', send);
        $('#staff-pane').hidden = false;
        connect();
    }

    init().catch(() => chat.toast(chat.label('offline'), 'error'));
})();
