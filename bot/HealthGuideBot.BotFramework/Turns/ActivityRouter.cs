using System.Text.Json;
using System.Text.Json.Nodes;
using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.BotFramework.Turns;

/// <summary>Handles a turn.</summary>
public delegate Task TurnHandler(ITurnContext turn, CancellationToken cancellationToken);

/// <summary>Handles a card action and returns what replaces the card, or a message.</summary>
public delegate Task<AdaptiveCardInvokeResponse> CardActionHandler(ITurnContext turn, CardActionRequest action, CancellationToken cancellationToken);

/// <summary>
/// Looks at a turn before the routes and returns true when it handled it (for example an active dialog taking the
/// user's next answer); the routes then do not run.
/// </summary>
public delegate Task<bool> TurnInterceptor(ITurnContext turn, CancellationToken cancellationToken);

/// <summary>
/// The route table: each inbound activity goes to the first route that matches it, in registration order, so the
/// table reads top to bottom like a switch. Replaces botbuilder's inheritance-based <c>ActivityHandler</c>.
/// </summary>
public sealed class ActivityRouter
{
    /// <summary>The invoke name of Universal Actions (<c>Action.Execute</c>).</summary>
    public const string AdaptiveCardActionInvokeName = "adaptiveCard/action";

    /// <summary>The data field that names the verb of an <c>Action.Submit</c> button.</summary>
    public const string SubmitVerbField = "verb";

    private readonly List<(Func<ITurnContext, bool> Matches, TurnHandler Handler)> _routes = [];
    private readonly Dictionary<string, CardActionHandler> _cardActions = new(StringComparer.Ordinal);
    private readonly List<TurnHandler> _beforeEveryTurn = [];
    private readonly List<TurnInterceptor> _interceptors = [];
    private TurnHandler? _messageFallback;

    /// <summary>Runs before routing on every turn (for example to store the conversation reference).</summary>
    public ActivityRouter BeforeEveryTurn(TurnHandler handler)
    {
        _beforeEveryTurn.Add(handler);
        return this;
    }

    /// <summary>
    /// Adds an interceptor that sees each turn after <see cref="BeforeEveryTurn"/> and before the routes, in the order
    /// added; the first that returns true ends the turn.
    /// </summary>
    public ActivityRouter Intercept(TurnInterceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        _interceptors.Add(interceptor);
        return this;
    }

    /// <summary>Routes activities of a type (for example <c>conversationUpdate</c>) to a handler.</summary>
    public ActivityRouter OnActivity(string type, TurnHandler handler) =>
        On(turn => string.Equals(turn.Activity.Type, type, StringComparison.Ordinal), handler);

    /// <summary>Routes a text message the predicate accepts; the text is already free of @mentions of the bot.</summary>
    public ActivityRouter OnMessage(Func<string, bool> textMatches, TurnHandler handler)
    {
        ArgumentNullException.ThrowIfNull(textMatches);
        return On(turn => IsTextMessage(turn.Activity) && textMatches(turn.Activity.Text ?? string.Empty), handler);
    }

    /// <summary>Routes any activity the predicate accepts.</summary>
    public ActivityRouter On(Func<ITurnContext, bool> matches, TurnHandler handler)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(handler);
        _routes.Add((matches, handler));
        return this;
    }

    /// <summary>
    /// Routes a card action by verb, whether it came as <c>Action.Execute</c> (its response replaces the card) or as
    /// <c>Action.Submit</c> (its response is sent as a new message).
    /// </summary>
    public ActivityRouter OnCardAction(string verb, CardActionHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(verb);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_cardActions.TryAdd(verb, handler))
        {
            throw new ArgumentException($"A handler for the card action verb '{verb}' is already registered.", nameof(verb));
        }

        return this;
    }

    /// <summary>Handles text messages that no route matched.</summary>
    public ActivityRouter OnUnmatchedMessage(TurnHandler handler)
    {
        _messageFallback = handler;
        return this;
    }

    /// <summary>
    /// Routes one turn. Returns the invoke response for an invoke, or null. An unknown activity type or invoke
    /// name is not an error (spec A2014: receivers ignore activity types they do not understand): it gets
    /// 501 for an invoke and nothing otherwise.
    /// </summary>
    public async Task<InvokeResponse?> RouteAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        foreach (var before in _beforeEveryTurn)
        {
            await before(turn, cancellationToken);
        }

        foreach (var interceptor in _interceptors)
        {
            if (await interceptor(turn, cancellationToken))
            {
                return null;
            }
        }

        var activity = turn.Activity;
        if (activity.Type == ActivityTypes.Invoke && activity.Name == AdaptiveCardActionInvokeName)
        {
            return await RouteExecuteAsync(turn, cancellationToken);
        }

        if (activity.Type == ActivityTypes.Message && TryReadSubmit(activity, out var submit)
            && _cardActions.TryGetValue(submit.Verb, out var submitHandler))
        {
            var response = await submitHandler(turn, submit, cancellationToken);
            await SendSubmitResponseAsync(turn, response, cancellationToken);
            return null;
        }

        foreach (var (matches, handler) in _routes)
        {
            if (matches(turn))
            {
                await handler(turn, cancellationToken);
                return null;
            }
        }

        if (IsTextMessage(activity) && _messageFallback is not null)
        {
            await _messageFallback(turn, cancellationToken);
            return null;
        }

        return activity.Type == ActivityTypes.Invoke ? new InvokeResponse(501, null) : null;
    }

    private async Task<InvokeResponse> RouteExecuteAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!TryReadExecute(turn.Activity, out var action))
        {
            return ToInvokeResponse(AdaptiveCardInvokeResponse.Error(400, "BadRequest", "The card action could not be read."));
        }

        if (!_cardActions.TryGetValue(action.Verb, out var handler))
        {
            return ToInvokeResponse(AdaptiveCardInvokeResponse.Error(400, "NotSupported", "This card action is not supported any more. Please ask again."));
        }

        return ToInvokeResponse(await handler(turn, action, cancellationToken));
    }

    private static InvokeResponse ToInvokeResponse(AdaptiveCardInvokeResponse response) =>
        new(200, JsonSerializer.SerializeToNode(response, BotFrameworkJsonContext.Default.AdaptiveCardInvokeResponse));

    private static async Task SendSubmitResponseAsync(ITurnContext turn, AdaptiveCardInvokeResponse response, CancellationToken cancellationToken)
    {
        Activity? reply = response.Type switch
        {
            AdaptiveCardInvokeResponse.CardType when response.Value is JsonObject card => MessageFactory.Card(card),
            AdaptiveCardInvokeResponse.MessageType when response.Value?.GetValueKind() == JsonValueKind.String =>
                MessageFactory.Text(response.Value.GetValue<string>()),
            AdaptiveCardInvokeResponse.ErrorType or AdaptiveCardInvokeResponse.PreconditionFailedType =>
                MessageFactory.Text(response.Value?["message"]?.GetValue<string>() ?? "That did not work. Please try again."),
            _ => null,
        };
        if (reply is not null)
        {
            await turn.SendActivityAsync(reply, cancellationToken);
        }
    }

    private static bool IsTextMessage(Activity activity) =>
        activity.Type == ActivityTypes.Message && activity.Value is null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined };

    internal static bool TryReadSubmit(Activity activity, out CardActionRequest request)
    {
        request = null!;
        if (activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty(SubmitVerbField, out var verb)
            && verb.ValueKind == JsonValueKind.String
            && verb.GetString() is { Length: > 0 } verbText)
        {
            request = new CardActionRequest(verbText, value);
            return true;
        }

        return false;
    }

    internal static bool TryReadExecute(Activity activity, out CardActionRequest request)
    {
        request = null!;
        if (activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var action)
            && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("verb", out var verb)
            && verb.ValueKind == JsonValueKind.String
            && verb.GetString() is { Length: > 0 } verbText)
        {
            var data = action.TryGetProperty("data", out var d) ? d : default;
            request = new CardActionRequest(verbText, data);
            return true;
        }

        return false;
    }
}
