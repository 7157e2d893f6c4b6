using Azure.Core;

namespace HealthGuideBot.Infrastructure.Tests.Filing;

/// <summary>A credential that hands out a fixed token, so the Graph client talks to the stand-in without Entra.</summary>
internal sealed class FakeTokenCredential : TokenCredential
{
    public int Requests { get; private set; }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Requests++;
        return new AccessToken("fake-graph-token", DateTimeOffset.MaxValue);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
