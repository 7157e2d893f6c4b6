using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Core.Tests.Emergencies;

/// <summary>The router on its own, with the real synonym list. The evaluation set (Knowledge.Tests) measures it at scale.</summary>
public sealed class EmergencyRouterTests
{
    private static readonly EmergencyRouter Router = new(SynonymList.Load(KnowledgeFolder()));

    [Theory]
    [InlineData("asthma", EmergencyDocumentIds.Asthma)]
    [InlineData("ASTHMA ATTACK!!!", EmergencyDocumentIds.Asthma)]
    [InlineData("boy having a fit what do i do", EmergencyDocumentIds.Seizure)]
    [InlineData("kid cant breathe", EmergencyDocumentIds.Asthma)]
    [InlineData("kid can't breathe after eating peanuts", EmergencyDocumentIds.Anaphylaxis)]
    [InlineData("she's gone blue and not breathing", EmergencyDocumentIds.Collapse)]
    [InlineData("choking", EmergencyDocumentIds.Choking)]
    [InlineData("chokking", EmergencyDocumentIds.Choking)]
    [InlineData("hypo", EmergencyDocumentIds.Hypoglycaemia)]
    [InlineData("low blood sugar", EmergencyDocumentIds.Hypoglycaemia)]
    [InlineData("hit his head", EmergencyDocumentIds.HeadInjury)]
    [InlineData("collapsed", EmergencyDocumentIds.Collapse)]
    [InlineData("unconscious", EmergencyDocumentIds.Collapse)]
    [InlineData("allergic reaction lips swelling", EmergencyDocumentIds.Anaphylaxis)]
    [InlineData("said she wants to kill herself", EmergencyDocumentIds.MentalHealth)]
    [InlineData("self harm", EmergencyDocumentIds.MentalHealth)]
    [InlineData("siezure", EmergencyDocumentIds.Seizure)]
    [InlineData("fiiiiitting", EmergencyDocumentIds.Seizure)]
    [InlineData("child jerking on the floor not responding", EmergencyDocumentIds.Seizure)]
    [InlineData("her sugar is low", EmergencyDocumentIds.Hypoglycaemia)]
    [InlineData("his sugar levels are really high", EmergencyDocumentIds.Hyperglycaemia)]
    [InlineData("blood sugar levels are very low", EmergencyDocumentIds.Hypoglycaemia)]
    [InlineData("his reading is 2.9", EmergencyDocumentIds.Hypoglycaemia)]
    [InlineData("blood glucose dropping fast", EmergencyDocumentIds.Hypoglycaemia)]
    [InlineData("levels 28 and she feels sick", EmergencyDocumentIds.Hyperglycaemia)]
    [InlineData("choking on the school trip", EmergencyDocumentIds.Choking)]
    [InlineData("boy banged his head on the trip", EmergencyDocumentIds.HeadInjury)]
    [InlineData("hypo on the trip help", EmergencyDocumentIds.Hypoglycaemia)]
    [InlineData("asthma attack on the residential", EmergencyDocumentIds.Asthma)]
    public void Route_SendsEmergencyWordingToTheRightDocument(string message, string documentId)
    {
        Assert.Equal(documentId, Router.Route(message));
    }

    [Theory]
    [InlineData("can I give paracetamol")]
    [InlineData("what is the policy on asthma inhalers on trips")]
    [InlineData("what training do staff need for choking")]
    [InlineData("how do I refer a pupil who is self harming to CAMHS")]
    [InlineData("is he fit for PE")]
    [InlineData("the pupil is sitting an exam")]
    [InlineData("she is conscious and talking")]
    [InlineData("what time is the staff meeting")]
    [InlineData("falling behind in reading")]
    [InlineData("his reading level is low")]
    [InlineData("reading levels are high in year 6")]
    [InlineData("inhaler on a trip")]
    [InlineData("can we take an inhaler on a trip?")]
    [InlineData("EpiPen for the residential")]
    [InlineData("asthma on the school trip")]
    [InlineData("")]
    [InlineData("!!!")]
    public void Route_LeavesOrdinaryQuestionsToSearch(string message)
    {
        Assert.Null(Router.Route(message));
    }

    [Fact]
    public void Explain_ShowsWhyAPolicyQuestionWasNotRouted()
    {
        var routing = Router.Explain("where are the spare epipens kept");

        Assert.Null(routing.DocumentId);
        Assert.Equal(EmergencyDocumentIds.Anaphylaxis, routing.Candidate);
        Assert.True(routing.HasPolicyCue);
    }

    [Theory]
    [InlineData("show Sam's emergency plan")]
    [InlineData("SHOW SAM'S EMERGENCY PLAN!")]
    [InlineData("does Sam have a healthcare plan?")]
    [InlineData("has Sam got an IHP")]
    [InlineData("Sam's care plan")]
    [InlineData("show me the emergency care plan for Amira Khan please")]
    public void Route_LeavesAPlanLookupToThePlans_EvenWithEmergencyWords(string message)
    {
        Assert.Null(Router.Route(message));
    }

    [Theory]
    [InlineData("Sam is having an asthma attack", EmergencyDocumentIds.Asthma)]
    [InlineData("Sam's having an asthma attack, show his emergency plan", EmergencyDocumentIds.Asthma)]
    [InlineData("Sam is choking", EmergencyDocumentIds.Choking)]
    [InlineData("Sam collapsed! emergency plan", EmergencyDocumentIds.Collapse)]
    [InlineData("choking Sam's emergency plan!", EmergencyDocumentIds.Choking)]
    public void Route_StillSendsEmergencies_ThatMentionAPlanOrAPupil(string message, string documentId)
    {
        Assert.Equal(documentId, Router.Route(message));
    }

    private static string KnowledgeFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HealthGuideBot.sln")))
            {
                return Path.Combine(directory.FullName, "knowledge");
            }
        }

        throw new InvalidOperationException("HealthGuideBot.sln not found.");
    }

    [Theory]
    [InlineData("Asthma")]
    [InlineData("nut allergy")]
    [InlineData("type 1 diabetes")]
    [InlineData("he has epilepsy")]
    public void Explain_LetsAFormTakeOrdinaryAnswers_ThatWouldRouteAsAMessage(string answer)
    {
        Assert.NotNull(Router.Route(answer));

        Assert.Null(Router.Explain(answer, answeringAForm: true).DocumentId);
    }

    [Theory]
    [InlineData("he's choking", EmergencyDocumentIds.Choking)]
    [InlineData("she can't breathe", EmergencyDocumentIds.Asthma)]
    [InlineData("Sam is having an asthma attack", EmergencyDocumentIds.Asthma)]
    [InlineData("collapsed", EmergencyDocumentIds.Collapse)]
    [InlineData("said she wants to kill herself", EmergencyDocumentIds.MentalHealth)]
    public void Explain_StillRoutesAcuteWording_WhileAFormIsOpen(string message, string documentId)
    {
        Assert.Equal(documentId, Router.Explain(message, answeringAForm: true).DocumentId);
    }

    [Fact]
    public void Route_FollowsItsSynonymSource_WhenTheListIsReplaced()
    {
        var current = SynonymList.Parse("fit, seizure");
        var router = new EmergencyRouter(() => current);
        Assert.Null(router.Route("zonked out"));

        current = SynonymList.Parse("fit, seizure, zonked out");

        Assert.Equal(EmergencyDocumentIds.Seizure, router.Route("zonked out"));
        Assert.Equal(EmergencyDocumentIds.Seizure, router.Route("fit"));
    }

    [Fact]
    public async Task Route_GivesWholeAnswers_WhileTheListIsSwappedUnderConcurrentCalls()
    {
        var withSlang = SynonymList.Parse("fit, zonked out");
        var without = SynonymList.Empty;
        var current = without;
        var router = new EmergencyRouter(() => Volatile.Read(ref current));

        var swapper = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                Volatile.Write(ref current, i % 2 == 0 ? withSlang : without);
            }

            Volatile.Write(ref current, withSlang);
        });
        var routers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                // The acute wording routes with either list; the slang only with the new one, never anywhere else.
                Assert.Equal(EmergencyDocumentIds.Seizure, router.Route("boy having a fit"));
                Assert.Contains(router.Route("zonked out"), new string?[] { null, EmergencyDocumentIds.Seizure });
            }
        })).ToArray();
        await Task.WhenAll([swapper, .. routers]);

        Assert.Equal(EmergencyDocumentIds.Seizure, router.Route("zonked out"));
    }
}
