package app.khobor.telegram;

import app.khobor.chat.MenuEntry;
import app.khobor.delivery.BotApi;
import app.khobor.delivery.Button;
import app.khobor.delivery.InlineAnswer;
import app.khobor.delivery.Keyboard;
import app.khobor.delivery.OutgoingMessage;
import app.khobor.delivery.SendResult;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Khobor's Bot API calls over TelegramBots. Never throws for API errors from send/edit/answer: they come back as a
 * {@link SendResult}. The token never appears in a result, a log line or an exception message from this class.
 */
public final class TelegramBotApi implements BotApi, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramBotApi.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final LinkPreviewOptions NO_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();
    private static final Set<String> ADMIN_STATUSES = Set.of("creator", "administrator");

    private final OkHttpClient http;
    private final OkHttpTelegramClient client;
    private final TokenMask mask;
    private final ApiErrors errors;
    private volatile String botUsername;
    private final LastAnswer answers = new LastAnswer();

    /**
     * @param apiUrl Bot API base URL without path, e.g. {@code https://api.telegram.org} or
     *               {@code http://127.0.0.1:8081}
     */
    public TelegramBotApi(String token, String apiUrl) {
        this.mask = new TokenMask(token);
        TelegramUrl url = ApiAddress.parse(apiUrl);
        this.errors = new ApiErrors(mask);
        this.http = HttpClients.create("khobor-telegram-http", READ_TIMEOUT, answers);
        this.client = new OkHttpTelegramClient(http, token, url);
    }

    /** When Telegram last answered a send (or getMe, setMyCommands). */
    public LastAnswer answers() {
        return answers;
    }

    @Override
    public SendResult send(OutgoingMessage message, boolean paidBroadcast) {
        SendMessage.SendMessageBuilder<?, ?> request = SendMessage.builder()
                .chatId(message.chatId())
                .text(message.html())
                .parseMode(ParseMode.HTML)
                .replyMarkup(markup(message.keyboard()));
        if (!message.linkPreview()) {
            request.linkPreviewOptions(NO_PREVIEW);
        }
        if (message.silent()) {
            request.disableNotification(true);
        }
        if (message.replyTo() > 0) {
            // Threaded under the command; a deleted command must not cost the answer.
            request.replyParameters(ReplyParameters.builder().messageId(Math.toIntExact(message.replyTo()))
                    .allowSendingWithoutReply(true).build());
        }
        if (paidBroadcast) {
            request.allowPaidBroadcast(true);
        }
        return sendMessage(message.chatId(), request.build());
    }

    @Override
    public SendResult sendPlain(long chatId, String text) {
        SendMessage request = SendMessage.builder().chatId(chatId).text(text).linkPreviewOptions(NO_PREVIEW).build();
        return sendMessage(chatId, request);
    }

    @Override
    public SendResult edit(long chatId, long messageId, String html, Keyboard keyboard) {
        return edit(EditMessageText.builder()
                .chatId(chatId)
                .messageId(Math.toIntExact(messageId))
                .text(html)
                .parseMode(ParseMode.HTML)
                .linkPreviewOptions(NO_PREVIEW)
                .replyMarkup(markup(keyboard))
                .build(), chatId, messageId);
    }

    @Override
    public SendResult editPush(long chatId, long messageId, String html, boolean linkPreview) {
        EditMessageText.EditMessageTextBuilder<?, ?> request = EditMessageText.builder()
                .chatId(chatId)
                .messageId(Math.toIntExact(messageId))
                .text(html)
                .parseMode(ParseMode.HTML);
        if (!linkPreview) {
            request.linkPreviewOptions(NO_PREVIEW);
        }
        return edit(request.build(), chatId, messageId);
    }

    private SendResult edit(EditMessageText request, long chatId, long messageId) {
        try {
            Serializable ignored = client.execute(request);
            return new SendResult.Sent(messageId);
        } catch (TelegramApiException e) {
            // Pressing the button that is already selected re-renders the same text: nothing to do.
            return ApiErrors.isNotModified(e) ? new SendResult.Sent(messageId) : failed("editMessageText", chatId, e);
        }
    }

    @Override
    public SendResult answerCallback(String callbackId, String text) {
        return answerCallback(callbackId, text, false);
    }

    @Override
    public SendResult answerCallback(String callbackId, String text, boolean alert) {
        AnswerCallbackQuery request = AnswerCallbackQuery.builder()
                .callbackQueryId(callbackId)
                .text(text == null || text.isEmpty() ? null : text)
                .showAlert(alert ? Boolean.TRUE : null)
                .build();
        try {
            client.execute(request);
            return new SendResult.Sent(0);
        } catch (TelegramApiException e) {
            return failed("answerCallbackQuery", 0, e);
        }
    }

    @Override
    public SendResult answerInline(InlineAnswer answer) {
        List<InlineQueryResultArticle> results = answer.articles().stream().map(TelegramBotApi::article).toList();
        AnswerInlineQuery request = AnswerInlineQuery.builder()
                .inlineQueryId(answer.queryId())
                .results(results)
                .cacheTime(answer.cacheSeconds())
                .isPersonal(answer.personal() ? Boolean.TRUE : null)
                .nextOffset(answer.nextOffset())
                .build();
        try {
            client.execute(request);
            return new SendResult.Sent(0);
        } catch (TelegramApiException e) {
            return failed("answerInlineQuery", 0, e);
        }
    }

    /** No preview: ten answers of one search sent into a group would each unfold a card. */
    private static InlineQueryResultArticle article(InlineAnswer.Article article) {
        InputTextMessageContent content = InputTextMessageContent.builder()
                .messageText(article.html())
                .parseMode(ParseMode.HTML)
                .linkPreviewOptions(NO_PREVIEW)
                .build();
        return InlineQueryResultArticle.builder()
                .id(article.id())
                .title(article.title())
                .description(article.description())
                .inputMessageContent(content)
                .build();
    }

    /**
     * The bot's @username without the @, fetched once with getMe; commands addressed to another bot
     * ({@code /start@otherbot}) are ignored by comparing against it.
     *
     * @throws TokenRejectedException when Telegram answers 401 Unauthorized
     * @throws IllegalStateException when getMe fails otherwise (message masked)
     */
    public String botUsername() {
        String cached = botUsername;
        if (cached == null) {
            try {
                cached = client.execute(new GetMe()).getUserName();
            } catch (TelegramApiRequestException e) {
                if (Integer.valueOf(401).equals(e.getErrorCode())) {
                    throw new TokenRejectedException();
                }
                throw new IllegalStateException("getMe failed: " + mask.describe(e));
            } catch (TelegramApiException e) {
                throw new IllegalStateException("getMe failed: " + mask.describe(e));
            }
            botUsername = cached;
        }
        return cached;
    }

    /**
     * Replaces the command menu. Names are 1-32 characters of a-z, 0-9 and _, at most 100 commands.
     *
     * @param nameAndDescription each entry {name without '/', description}
     * @throws IllegalStateException when Telegram refuses (message masked)
     */
    public void setCommands(List<MenuEntry> menu) {
        List<BotCommand> commands = menu.stream()
                .map(entry -> new BotCommand(entry.command(), entry.description()))
                .toList();
        try {
            client.execute(SetMyCommands.builder().commands(commands).build());
        } catch (TelegramApiException e) {
            throw new IllegalStateException("setMyCommands failed: " + mask.describe(e));
        }
    }

    /**
     * Whether the user is the chat's creator or one of its administrators (getChatMember).
     *
     * @throws IllegalStateException when Telegram cannot say (message masked)
     */
    public boolean isChatAdmin(long chatId, long userId) {
        try {
            String status = client.execute(GetChatMember.builder().chatId(chatId).userId(userId).build()).getStatus();
            return ADMIN_STATUSES.contains(status);
        } catch (TelegramApiException e) {
            throw new IllegalStateException("getChatMember failed: " + mask.describe(e));
        }
    }

    /** Stops the HTTP threads; calls in flight fail as TransientFailure. */
    @Override
    public void close() {
        HttpClients.shutdown(http);
    }

    private SendResult sendMessage(long chatId, SendMessage request) {
        try {
            Message sent = client.execute(request);
            return new SendResult.Sent(sent.getMessageId());
        } catch (TelegramApiException e) {
            return failed("sendMessage", chatId, e);
        }
    }

    private SendResult failed(String method, long chatId, TelegramApiException error) {
        SendResult result = errors.classify(error);
        log.debug("{} to chat {} failed: {}", method, chatId, result);
        return result;
    }

    private static InlineKeyboardMarkup markup(Keyboard keyboard) {
        if (keyboard == null || keyboard.rows().isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = keyboard.rows().stream()
                .map(row -> new InlineKeyboardRow(row.stream().map(TelegramBotApi::button).toList()))
                .toList();
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static InlineKeyboardButton button(Button button) {
        return InlineKeyboardButton.builder().text(button.text()).callbackData(button.callbackData()).build();
    }
}
