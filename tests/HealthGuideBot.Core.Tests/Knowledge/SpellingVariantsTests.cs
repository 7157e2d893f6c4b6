using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Core.Tests.Knowledge;

public sealed class SpellingVariantsTests
{
    [Theory]
    [InlineData("hypoglycemia", "hypoglycaemia")]
    [InlineData("hyperglycemic", "hyperglycaemic")]
    [InlineData("anemia", "anaemia")]
    [InlineData("pediatric", "paediatric")]
    [InlineData("esophagus", "oesophagus")]
    [InlineData("behavior", "behaviour")]
    [InlineData("behaviors", "behaviours")]
    [InlineData("organize", "organise")]
    [InlineData("recognized", "recognised")]
    [InlineData("analyze", "analyse")]
    [InlineData("center", "centre")]
    [InlineData("diarrhea", "diarrhoea")]
    [InlineData("celiac", "coeliac")]
    public void Fold_GivesUkAndUsSpellingsTheSameForm(string us, string uk)
    {
        Assert.Equal(SpellingVariants.Fold(uk), SpellingVariants.Fold(us));
    }

    [Theory]
    [InlineData("hour")]
    [InlineData("four")]
    [InlineData("aed")]
    [InlineData("seize")]
    [InlineData("asthma")]
    [InlineData("fit")]
    public void Fold_LeavesOtherWordsAlone(string word)
    {
        Assert.Equal(word, SpellingVariants.Fold(word));
    }
}
