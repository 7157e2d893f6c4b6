using HealthGuideBot.EndToEnd.Tests.Playground;
using Xunit.Sdk;

namespace HealthGuideBot.EndToEnd.Tests.Conversations;

/// <summary>
/// A full CAMHS referral by conversation through the Agents Playground, as its default user (Alex Wilber, the school
/// nurse in the Development roster, who may refer): free-text answers, "back", "change", the summary card's Submit
/// button, the reference, and "what's the status of my referral?". It ends submitted, so no form is left open in the
/// shared chat.
/// </summary>
[Collection(SharedPlayground.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ReferralTests(PlaygroundFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = PlaygroundClient.DefaultTimeout;

    /// <summary>Answers keyed by a fragment of the bot's question (CAMHS question set).</summary>
    private static readonly (string Question, string Answer)[] Answers =
    [
        ("first language", "skip"),
        ("parents or carers, and who has parental responsibility", "Jo Taylor (mother), 07700 900123"),
        ("Who else lives at home", "skip"),
        ("EHCP or SEN support", "SEN support"),
        ("looked-after child", "no"),
        ("child protection plan or a child in need plan", "neither"),
        ("Early Help assessment", "no thanks"),
        ("Which professionals are already involved", "School nurse"),
        ("What is the concern", "Low mood and withdrawn from friends, tearful in class most days."),
        ("When did this start", "14/09/2026"),
        ("Why are you referring now", "It has got worse since half term."),
        ("affecting their learning", "Behind with literacy."),
        ("affecting attendance", "91% this term"),
        ("risk of self-harm, suicidal thoughts or harm to others", "no"),
        ("known health conditions", "skip"),
        ("support and interventions have been tried", "Nurture group twice a week since October."),
        ("What does the child think", "Sam says he feels sad and wants someone to talk to."),
        ("What do the parents or carers think", "Mum wants specialist help."),
        ("agree to this referral", "yes"),
        ("agreed to information being shared", "yep"),
        ("Does the child know about the referral", "yes"),
        ("What would you like to happen", "An assessment and support for Sam's mood."),
        ("How urgent is this", "routine"),
        ("Which documents will you send", "Attendance record"),
    ];

    [Fact]
    public Task CamhsReferral_ByConversation_WithBackAndChange_ThenStatus() => fixture.RunAsync(output, async playground =>
    {
        var prompt = await SayAsync(playground, "I need to refer Sam Taylor to CAMHS", m => Question(m) is not null);
        var changedDate = false;
        var changedConcern = false;
        ChatMessage? summary = null;
        for (var turns = 0; turns < 60 && summary is null; turns++)
        {
            var (question, answer) = Question(prompt) ?? throw new XunitException($"Not a question I know: {prompt.Text}");
            if (question == "Why are you referring now" && !changedDate)
            {
                // "back" returns to the date, showing the answer given; a relative date replaces it.
                var back = await SayAsync(playground, "back", m => m.Text?.Contains("When did this start", StringComparison.Ordinal) == true);
                Assert.Contains("Currently: **14 September 2026**", back.Text, StringComparison.Ordinal);
                prompt = await SayAsync(playground, "3 weeks ago", m => Question(m) is not null);
                Assert.Contains("Why are you referring now", prompt.Text, StringComparison.Ordinal);
                changedDate = true;
                continue;
            }

            var reply = await SayAsync(playground, answer, m => Question(m) is not null || IsSummary(m));
            if (IsSummary(reply))
            {
                summary = reply;
            }
            else
            {
                prompt = reply;
            }
        }

        Assert.True(changedDate, "The form never reached \"why now\".");
        Assert.NotNull(summary);

        // "change <question>" from the summary: straight there, then straight back to a fresh summary.
        var concern = await SayAsync(playground, "change the concern", m => m.Text?.Contains("What is the concern", StringComparison.Ordinal) == true);
        Assert.Contains("Currently:", concern.Text, StringComparison.Ordinal);
        summary = await SayAsync(playground, "Low mood, withdrawn, and refusing to come into class in the mornings.", IsSummary);
        changedConcern = summary.AllText.Contains("refusing to come into class", StringComparison.Ordinal)
            || summary.AdaptiveCards.Single().ToString().Contains("refusing to come into class", StringComparison.Ordinal);
        Assert.True(changedConcern, $"The summary does not show the changed concern: {summary.AdaptiveCards.Single()}");

        var submit = summary.AdaptiveCards.Single().Actions.Single(a => a.Verb == "referral.submit");
        var mark = playground.Now;
        await playground.SubmitAsync(summary.MessageId, submit.Data, CancellationToken.None);
        var confirmation = await playground.WaitForMessageAsync(m => m.Text?.Contains("REF-", StringComparison.Ordinal) == true, mark, Timeout);
        Assert.Matches(@"REF-\d{4}-\d{6}", confirmation.Text);
        Assert.Contains("Filing is pending", confirmation.Text, StringComparison.Ordinal);
        var reference = System.Text.RegularExpressions.Regex.Match(confirmation.Text!, @"REF-\d{4}-\d{6}").Value;

        var status = await SayAsync(playground, "what's the status of my referral?", m => m.Text?.Contains(reference, StringComparison.Ordinal) == true);
        Assert.Contains("CAMHS", status.Text, StringComparison.Ordinal);
        Assert.Contains("submitted", status.Text, StringComparison.Ordinal);
    });

    private static async Task<ChatMessage> SayAsync(PlaygroundClient playground, string text, Func<ChatMessage, bool> expect)
    {
        var mark = playground.Now;
        await playground.SendMessageAsync(text, CancellationToken.None);
        return await playground.WaitForMessageAsync(expect, mark, Timeout);
    }

    private static (string Question, string Answer)? Question(ChatMessage message) =>
        message.Text is { } text && Answers.FirstOrDefault(a => text.Contains(a.Question, StringComparison.Ordinal)) is { Question: not null } found
            ? found
            : null;

    private static bool IsSummary(ChatMessage message) =>
        message.AdaptiveCards.Any(c => c.Actions.Any(a => a.Verb == "referral.submit"));
}
