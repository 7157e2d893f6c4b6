using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>The healthcare plan form's routes, added to the route table with one line.</summary>
internal static class PlanFormRoutes
{
    public static ActivityRouter AddHealthcarePlanFormRoutes(this ActivityRouter routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes
            .OnMessage(PlanFormConversation.IsStartRequest, (turn, ct) => Get(turn).StartFromMessageAsync(turn, ct))
            .OnMessage(PlanFormConversation.IsContinueDraftRequest, (turn, ct) => Get(turn).ResumeDraftAsync(turn, ct))
            .OnCardAction(PlanFormConversation.StartVerb, (turn, action, ct) => Get(turn).StartFromCardAsync(turn, action, ct))
            .OnCardAction(PlanFormConversation.ReviewStartVerb, (turn, action, ct) => Get(turn).StartReviewAsync(turn, action, ct));
        foreach (var verb in PlanFormDialog.FormVerbs)
        {
            routes.OnCardAction(verb, (turn, action, ct) => Get(turn).ContinueFormAsync(turn, action, ct));
        }

        return routes;
    }

    private static PlanFormConversation Get(ITurnContext turn) => turn.Services.GetRequiredService<PlanFormConversation>();
}
