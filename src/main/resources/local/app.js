// The local chat page: plays Telegram for the bot in local mode. Plain JS, no build step; telegram-html.js renders
// the bot's texts. What the user does is POSTed to /local/api; what the bot does arrives as server-sent events
// (see LocalChatController).
'use strict';

(() => {
    // The page's own labels (not the bot's texts, which come from the bot in the user's language).
    const LABELS = {
        en: {
            title: 'eSIM bot · local chat',
            subtitle: 'Local mode: this page plays Telegram',
            user: 'User',
            langToggle: '中文',
            langToggleTitle: 'Switch to Chinese: the page and the language the bot sees from this user',
            reset: 'Reset',
            resetTitle: 'Start this user over: clears the chat, the bot session and the demo eSIMs',
            reminders: 'Reminders',
            remindersTitle: 'Admin: run the expiry scan now (eSIMs ending soon or low on data get a notice, once each)',
            scanned: 'Expiry scan: {0} eSIMs seen, {1} notices queued, {2} held (quiet hours or an open ticket), {3} sent before',
            inputLabel: 'Message',
            placeholder: 'Write a message or a command, e.g. /start',
            send: 'Send',
            empty: 'No messages yet. Type /start to begin.',
            online: 'online',
            connecting: 'connecting…',
            edited: 'edited',
            opensInNewTab: 'opens in a new tab',
            notSent: 'Not sent (HTTP {0})',
            offline: 'The app is not reachable',
            staffTitle: 'Staff group',
            staffAs: 'you are the agent {0}',
            staffHint: 'Write in a ticket\'s topic to answer the user · #note stays internal · /close ends the ticket',
            staffInputLabel: 'Message as the agent',
            staffPlaceholder: 'Answer as the agent, #note, or /close',
            general: 'General',
            topicCreated: 'Topic created',
            copyOf: 'copy of {0}\'s message',
            note: 'internal note',
            photo: 'Photo',
            profile: { DEMO: 'demo eSIMs', FRESH: 'no eSIM yet' },
        },
        zh: {
            title: 'eSIM 机器人 · 本地聊天',
            subtitle: '本地模式：此页面模拟 Telegram',
            user: '用户',
            langToggle: 'English',
            langToggleTitle: '切换到英文：页面文字以及机器人看到的该用户语言',
            reset: '重置',
            resetTitle: '让该用户重新开始：清空聊天、机器人会话和演示 eSIM',
            reminders: '到期提醒',
            remindersTitle: '管理员：立即运行到期扫描（即将到期或流量不足的 eSIM 各收到一次提醒）',
            scanned: '到期扫描：查看 {0} 张 eSIM，排队 {1} 条提醒，暂缓 {2} 条（免打扰时段或工单进行中），之前已发 {3} 条',
            inputLabel: '消息',
            placeholder: '输入消息或命令，例如 /start',
            send: '发送',
            empty: '还没有消息。输入 /start 开始。',
            online: '在线',
            connecting: '连接中…',
            edited: '已编辑',
            opensInNewTab: '在新标签页打开',
            notSent: '未发送（HTTP {0}）',
            offline: '无法连接到应用',
            staffTitle: '客服群',
            staffAs: '您是客服 {0}',
            staffHint: '在工单话题里回复用户 · # 开头为内部备注 · /close 结束工单',
            staffInputLabel: '以客服身份发送',
            staffPlaceholder: '以客服身份回复、#备注 或 /close',
            general: '综合',
            topicCreated: '话题已创建',
            copyOf: '{0} 的消息副本',
            note: '内部备注',
            photo: '图片',
            profile: { DEMO: '演示 eSIM', FRESH: '尚无 eSIM' },
        },
    };
    // What Telegram would report as the user's language_code for each page language.
    const LANGUAGE_CODES = { en: 'en', zh: 'zh-hans' };
    const HTML_LANG = { en: 'en', zh: 'zh-Hans' };
    const TOAST_MS = 2500;
    const RETRY_MS = 3000;
    // Elements carry the key of their label: data-label for the text, data-label-title for the tooltip ...
    const LABEL_TARGETS = [
        ['label', (element, text) => { element.textContent = text; }],
        ['labelTitle', (element, text) => { element.title = text; }],
        ['labelPlaceholder', (element, text) => { element.placeholder = text; }],
        ['labelEmpty', (element, text) => { element.dataset.empty = text; }],
    ];
    const TIME_FORMAT = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

    const state = {
        users: [],
        userId: null,
        lang: 'en',
        langByUser: new Map(),
        source: null,
        tapped: null,
    };

    const $ = (selector) => document.querySelector(selector);
    const label = (key) => LABELS[state.lang][key];
    const format = (template, ...args) => template.replace(/\{(\d+)}/g, (_, i) => String(args[Number(i)]));

    // ---------------------------------------------------------------------------------------------------------------
    // Messages: one .msg per message id (user and bot share the chat's id sequence), so a replay or an edit replaces.

    function showMessage(type, message) {
        const from = type === 'user' ? 'user' : 'bot';
        const element = document.createElement('div');
        element.className = `msg ${from}`;
        element.dataset.id = message.message_id;
        element.appendChild(bubble(from, message, type === 'user' || type === 'copy'));
        const keyboard = message.reply_markup?.inline_keyboard;
        if (from === 'bot' && keyboard?.length) {
            element.appendChild(inlineKeyboard(keyboard, message.message_id));
        }
        placeMessage(element, type === 'edit');
    }

    /**
     * What a person typed, and a copy of it (copyMessage keeps the text and its entities), is plain text; what the
     * bot sends itself is Telegram HTML (parse_mode HTML).
     */
    function bubble(from, message, plain) {
        const element = document.createElement('div');
        element.className = `bubble ${from}`;
        const text = document.createElement('span');
        text.className = 'text';
        if (message.photo) {
            const photo = document.createElement('span');
            photo.className = 'media';
            photo.textContent = `🖼 ${label('photo')}`;
            element.appendChild(photo);
        }
        const body = message.text ?? message.caption ?? '';
        text.appendChild(plain ? document.createTextNode(body) : TelegramHtml.render(body));
        element.append(text, meta(message));
        return element;
    }

    function meta(message) {
        const element = document.createElement('span');
        element.className = 'meta';
        if (message.edit_date) {
            const edited = document.createElement('span');
            edited.className = 'edited';
            edited.dataset.label = 'edited';
            edited.textContent = label('edited');
            element.appendChild(edited);
        }
        const time = new Date(1000 * (message.edit_date || message.date || Date.now() / 1000));
        element.appendChild(document.createTextNode(time.toLocaleTimeString([], TIME_FORMAT)));
        return element;
    }

    function placeMessage(element, edited) {
        const list = $('#messages');
        const existing = list.querySelector(`.msg[data-id="${element.dataset.id}"]`);
        if (existing) {
            existing.replaceWith(element);
        } else {
            list.appendChild(element);
        }
        if (edited) {
            element.classList.add('flash');
        }
        list.scrollTop = list.scrollHeight;
    }

    function inlineKeyboard(rows, messageId) {
        const keyboard = document.createElement('div');
        keyboard.className = 'keyboard';
        for (const row of rows) {
            const line = document.createElement('div');
            line.className = 'row';
            row.forEach((key) => line.appendChild(keyButton(key, messageId)));
            keyboard.appendChild(line);
        }
        return keyboard;
    }

    function keyButton(key, messageId) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = key.text;
        if (key.url) {
            asUrlButton(button, key.url);
        } else if (key.callback_data !== undefined) {
            button.dataset.callback = key.callback_data;
            button.addEventListener('click', () => tap(button, messageId, key.callback_data));
        }
        return button;
    }

    function asUrlButton(button, rawUrl) {
        const url = TelegramHtml.safeUrl(rawUrl);
        button.classList.add('url');
        button.dataset.url = rawUrl;
        button.title = `${url ?? rawUrl} (${label('opensInNewTab')})`;
        const arrow = document.createElement('span');
        arrow.className = 'opens';
        arrow.setAttribute('aria-hidden', 'true');
        arrow.textContent = '↗';
        button.appendChild(arrow);
        button.disabled = !url;
        button.addEventListener('click', () => window.open(url, '_blank', 'noopener'));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Toasts: a callback answer with text shows it; an empty answer only flashes the tapped button.

    function answerTap(text) {
        const button = state.tapped;
        state.tapped = null;
        if (button) {
            button.classList.remove('pending');
        }
        if (text) {
            toast(text);
        } else if (button) {
            button.classList.remove('answered');
            void button.offsetWidth; // restarts the animation
            button.classList.add('answered');
        }
    }

    function toast(text, kind = '') {
        const element = document.createElement('div');
        element.className = `toast ${kind}`.trim();
        element.setAttribute('role', 'status');
        element.textContent = text;
        $('#toasts').appendChild(element);
        setTimeout(() => element.remove(), TOAST_MS);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The event stream: on every (re)connect the server replays the chat's history, then sends what happens.

    function connect() {
        state.source?.close();
        setStatus('connecting');
        const source = new EventSource(`/local/api/chats/${state.userId}/events`);
        source.addEventListener('open', () => {
            $('#messages').replaceChildren();
            setStatus('online');
        });
        source.addEventListener('error', () => retryIfGivenUp(source));
        source.addEventListener('chat', (event) => onChatEvent(JSON.parse(event.data)));
        state.source = source;
    }

    /** EventSource retries a dropped stream by itself, but gives up on an answer that is not a stream (a 5xx). */
    function retryIfGivenUp(source) {
        setStatus('connecting');
        if (source.readyState === EventSource.CLOSED) {
            setTimeout(() => state.source === source && connect(), RETRY_MS);
        }
    }

    function onChatEvent(event) {
        if (event.type === 'toast') {
            answerTap(event.text);
        } else if (event.message) {
            showMessage(event.type, event.message);
        }
    }

    function setStatus(status) {
        const element = $('#status');
        element.dataset.state = status;
        element.dataset.label = status;
        element.textContent = label(status);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What the user does.

    async function post(path, body) {
        try {
            const response = await fetch(`/local/api/chats/${state.userId}/${path}`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify(body),
            });
            if (!response.ok) {
                toast(format(label('notSent'), response.status), 'error');
            }
            return response.ok;
        } catch {
            toast(label('offline'), 'error');
            return false;
        }
    }

    async function sendText(event) {
        event.preventDefault();
        const input = $('#input');
        const text = input.value.trim();
        if (!text) {
            return;
        }
        input.value = '';
        if (!await post('messages', { text, languageCode: LANGUAGE_CODES[state.lang] })) {
            input.value = text;
        }
        input.focus();
    }

    function tap(button, messageId, data) {
        state.tapped?.classList.remove('pending');
        state.tapped = button;
        button.classList.add('pending');
        post('callbacks', { messageId, data, languageCode: LANGUAGE_CODES[state.lang] })
            .then((sent) => sent || button.classList.remove('pending'));
    }

    async function resetChat() {
        setStatus('connecting');
        await post('reset', {});
        connect(); // the server replays the chat's history on connect: after a reset, none
        $('#input').focus();
    }

    /** The admin's "scan now": the bot's scheduled expiry scan, run at once; notices then arrive like any message. */
    async function scanReminders() {
        try {
            const response = await fetch('/local/api/notices/scan', { method: 'POST' });
            if (!response.ok) {
                toast(format(label('notSent'), response.status), 'error');
                return;
            }
            const report = await response.json();
            toast(format(label('scanned'), report.seen, report.queued, report.held, report.repeats));
        } catch {
            toast(label('offline'), 'error');
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Page chrome: the user switch and the language switch.

    async function loadUsers() {
        const response = await fetch('/local/api/users');
        state.users = await response.json();
        const select = $('#user-select');
        select.replaceChildren(...state.users.map((user) => new Option(user.firstName, user.id)));
        select.addEventListener('change', () => switchUser(Number(select.value)));
        switchUser(state.users[0].id);
    }

    function switchUser(userId) {
        state.userId = userId;
        state.tapped = null;
        $('#user-select').value = String(userId);
        const user = currentUser();
        const defaultLang = user.languageCode.toLowerCase().startsWith('zh') ? 'zh' : 'en';
        setLanguage(state.langByUser.get(userId) ?? defaultLang);
        connect();
    }

    function currentUser() {
        return state.users.find((user) => user.id === state.userId);
    }

    function toggleLanguage() {
        setLanguage(state.lang === 'en' ? 'zh' : 'en');
        state.langByUser.set(state.userId, state.lang);
        $('#input').focus();
    }

    function setLanguage(lang) {
        state.lang = lang;
        document.documentElement.lang = HTML_LANG[lang];
        document.documentElement.dataset.lang = lang;
        applyLabels();
    }

    function applyLabels() {
        document.title = label('title');
        for (const [key, apply] of LABEL_TARGETS) {
            for (const element of document.querySelectorAll(`[data-${kebab(key)}]`)) {
                apply(element, label(element.dataset[key]));
            }
        }
        $('#lang-toggle').textContent = `🌐 ${label('langToggle')}`;
        labelUsers();
    }

    function labelUsers() {
        for (const option of $('#user-select').options) {
            const user = state.users.find((u) => String(u.id) === option.value);
            option.textContent = `${user.firstName} · ${label('profile')[user.profile] ?? user.profile}`;
        }
        const user = currentUser();
        $('#chat-title').textContent = user ? `${user.firstName} (${user.id})` : '';
    }

    function kebab(name) {
        return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    }

    // What the staff pane (staff-pane.js) shares with the user's chat.
    window.LocalChat = { label, format, bubble, toast };

    function init() {
        $('#composer').addEventListener('submit', sendText);
        $('#lang-toggle').addEventListener('click', toggleLanguage);
        $('#reset').addEventListener('click', resetChat);
        $('#reminders').addEventListener('click', scanReminders);
        setLanguage('en');
        loadUsers().catch(() => toast(label('offline'), 'error'));
        $('#input').focus();
    }

    init();
})();
