using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Core.Filing;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Core.Referrals;
using HealthGuideBot.Host.Conversations.Referrals;
using HealthGuideBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Host.Tests.Conversations.Referrals;

/// <summary>
/// Drives referrals through the real host (Development roster: Megan Bowen is SENCO and DSL, Adele Vance teaches 5B),
/// with a fake healthcare plan store, a fake filing status reader and the clock fixed at Friday 27 November 2026.
/// </summary>
internal sealed class ReferralTestKit : IDisposable
{
    public const string Megan = "00000000-0000-0000-0000-0000000000021";
    public const string Adele = "00000000-0000-0000-0000-0000000000022";
    public const string CamhsMailbox = "camhs.referrals@nhs.example";

    private static int s_ids;

    public ReferralTestKit(string? dataFolder = null, string conversation = "a:referral")
    {
        Conversation = conversation;
        Host = new BotHostFactory(
            new()
            {
                [$"{ReferralOptions.Section}:Mailboxes:camhs"] = CamhsMailbox,
                ["Logging:LogLevel:Default"] = "Trace",
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<IHealthcarePlanStore>(Plans);
                services.AddSingleton<IFilingStatusReader>(Statuses);
                services.AddSingleton<ILoggerProvider>(Logs);
            },
            dataFolder);
    }

    public static ReferralQuestionSet Camhs { get; } = ReferralQuestionSetLoader.Load(null, AppContext.BaseDirectory).Find(ReferralServiceIds.Camhs)!;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    public FakePlanStore Plans { get; } = new();

    public FakeFilingStatusReader Statuses { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public BotHostFactory Host { get; }

    public string Conversation { get; }

    /// <summary>Sends a message as <paramref name="user"/> and returns the bot's replies to it (the turn completes before the POST returns).</summary>
    public async Task<IReadOnlyList<Activity>> SayAsync(string text, string user = Megan)
    {
        var before = Host.Connector.SentTo(Conversation).Count;
        var response = await Host.PostActivityAsync(As(ActivityBuilder.Message(text, Conversation), user));
        response.EnsureSuccessStatusCode();
        return Replies(before);
    }

    /// <summary>Presses an Action.Submit button with <paramref name="data"/>.</summary>
    public async Task<IReadOnlyList<Activity>> SubmitAsync(IDictionary<string, string> data, string user = Megan)
    {
        var before = Host.Connector.SentTo(Conversation).Count;
        var response = await Host.PostActivityAsync(As(ActivityBuilder.Submit(data, Conversation), user));
        response.EnsureSuccessStatusCode();
        return Replies(before);
    }

    /// <summary>Presses an Action.Execute button.</summary>
    public async Task<IReadOnlyList<Activity>> ExecuteAsync(string verb, object data, string user = Megan)
    {
        var before = Host.Connector.SentTo(Conversation).Count;
        var response = await Host.PostActivityAsync(As(ActivityBuilder.Execute(verb, data, Conversation), user));
        response.EnsureSuccessStatusCode();
        return Replies(before);
    }

    /// <summary>The question a prompt asks, from the question set's prompts.</summary>
    public static ReferralQuestion? QuestionIn(Activity reply) =>
        reply.Text is { } text ? Camhs.Questions.FirstOrDefault(q => text.Contains(q.Prompt, StringComparison.Ordinal)) : null;

    /// <summary>
    /// Answers each question with <paramref name="answers"/>[id] until the bot asks <paramref name="stopAt"/> (returned
    /// as the last replies) or shows the summary card.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> AnswerUntilAsync(IReadOnlyList<Activity> replies, IReadOnlyDictionary<string, string> answers, string? stopAt = null)
    {
        var lastAnswer = string.Empty;
        for (var turns = 0; turns < 60; turns++)
        {
            if (SummaryCard(replies) is not null)
            {
                return replies;
            }

            var question = QuestionIn(replies[^1]) ?? throw new InvalidOperationException($"After \"{lastAnswer}\", not a question: {Describe(replies)}");
            if (question.Id == stopAt)
            {
                return replies;
            }

            lastAnswer = answers.TryGetValue(question.Id, out var answer) ? answer : throw new KeyNotFoundException($"No answer for {question.Id}");
            replies = await SayAsync(lastAnswer);
        }

        throw new InvalidOperationException("The form did not end.");
    }

    public static string Describe(IEnumerable<Activity> replies) =>
        string.Join(" || ", replies.Select(r => r.Text ?? string.Join(",", (r.Attachments ?? []).Select(a => a.Content?.ToJsonString()[..Math.Min(300, a.Content.ToJsonString().Length)]))));

    public static JsonObject? SummaryCard(IEnumerable<Activity> replies) =>
        replies.SelectMany(r => r.Attachments ?? []).Select(a => a.Content as JsonObject)
            .FirstOrDefault(c => c?.ToJsonString().Contains("referral.submit", StringComparison.Ordinal) == true);

    public static string SubmitReferralId(JsonObject card) =>
        card["actions"]!.AsArray().Select(a => a!["data"]!).First(d => d["verb"]!.GetValue<string>() == ReferralDialog.SubmitVerb)["referralId"]!.GetValue<string>();

    public static IReadOnlyDictionary<string, string> CamhsAnswers { get; } = new Dictionary<string, string>
    {
        ["pupil"] = "Sam Taylor",
        ["language"] = "skip",
        ["parentsCarers"] = "Jo Taylor (mother), 07700 900123, has parental responsibility",
        ["household"] = "skip",
        ["senStatus"] = "SEN support",
        ["lookedAfter"] = "no",
        ["cpCin"] = "neither",
        ["earlyHelpInPlace"] = "no thanks",
        ["professionals"] = "School nurse (Ms Green)",
        ["concern"] = "Low mood and withdrawn from friends, tearful in class most days.",
        ["startedOn"] = "14/09/2026",
        ["whyNow"] = "It has got worse since half term.",
        ["impactLearning"] = "Behind with literacy and avoiding group work.",
        ["impactAttendance"] = "Attendance 91% this term",
        ["riskKnown"] = "no",
        ["healthConditions"] = "None known",
        ["interventions"] = "Nurture group twice a week and ELSA sessions since October.",
        ["childViews"] = "Sam says he feels sad and would like someone to talk to.",
        ["parentViews"] = "Mum is worried and wants specialist help.",
        ["parentConsent"] = "yes",
        ["consentToShare"] = "yep",
        ["childAware"] = "yes",
        ["outcomes"] = "An assessment and support for Sam's mood.",
        ["urgency"] = "routine",
        ["attachments"] = "Attendance record",
    };

    public void Dispose() => Host.Dispose();

    private IReadOnlyList<Activity> Replies(int before) =>
        [.. Host.Connector.SentTo(Conversation).Skip(before).Select(s => s.Activity!)];

    private static Activity As(Activity activity, string user) =>
        activity with { Id = $"referral-activity-{Interlocked.Increment(ref s_ids)}", From = new ChannelAccount { Id = $"29:{user}", AadObjectId = user, Name = "Staff" } };

    internal sealed class FakePlanStore : IHealthcarePlanStore
    {
        public HealthcarePlan? Plan { get; set; }

        public Task<HealthcarePlan?> GetCurrentForPupilAsync(string pupilId, CancellationToken cancellationToken) =>
            Task.FromResult(Plan?.PupilId == pupilId ? Plan : null);

        public Task<HealthcarePlan> SaveVersionAsync(HealthcarePlan plan, string submissionId, Func<HealthcarePlan, IReadOnlyList<FilingRequest>> filings, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<HealthcarePlan?> GetCurrentAsync(string planId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<HealthcarePlan?> GetVersionAsync(string planId, int version, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AcknowledgeAsync(string planId, int version, string userId, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> HasAcknowledgedAsync(string planId, int version, string userId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    internal sealed class FakeFilingStatusReader : IFilingStatusReader
    {
        public ConcurrentDictionary<string, IReadOnlyList<FilingStatus>> ByRecord { get; } = new();

        public Task<IReadOnlyList<FilingStatus>> ForRecordAsync(string recordType, string recordId, CancellationToken cancellationToken) =>
            Task.FromResult(ByRecord.TryGetValue($"{recordType}:{recordId}", out var statuses) ? statuses : (IReadOnlyList<FilingStatus>)[]);
    }
}
