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
    [InlineData("Falling behind in reading")]
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
}
