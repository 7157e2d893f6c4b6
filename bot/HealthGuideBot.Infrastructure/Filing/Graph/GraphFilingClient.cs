using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace HealthGuideBot.Infrastructure.Filing.Graph;

/// <summary>Builds the <see cref="GraphServiceClient"/> the filer uses, and the credential from the options.</summary>
internal static class GraphFilingClient
{
    /// <summary>
    /// The Graph SDK's default middleware without its <see cref="RetryHandler"/>: that handler retries in memory,
    /// caps a Retry-After wait at 180 s and would replay a non-idempotent POST on 504. The outbox decides instead.
    /// </summary>
    public static GraphServiceClient Create(Uri baseUrl, TokenCredential credential, HttpMessageHandler? finalHandler = null)
    {
        var pipeline = GraphClientFactory.CreatePipeline(Handlers(), finalHandler ?? new SocketsHttpHandler());
        var http = new HttpClient(pipeline);
        var authentication = new BaseBearerTokenAuthenticationProvider(new TokenCredentialAccessTokenProvider(credential, baseUrl));
        return new GraphServiceClient(http, authentication, baseUrl.ToString().TrimEnd('/'));
    }

    /// <summary>The middleware the filer's client uses: the SDK's defaults less the retry handler.</summary>
    internal static IList<DelegatingHandler> Handlers()
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        for (int i = handlers.Count - 1; i >= 0; i--)
        {
            if (handlers[i] is RetryHandler)
            {
                handlers.RemoveAt(i);
            }
        }

        return handlers;
    }

    public static TokenCredential CreateCredential(GraphConnectionOptions options) => options.Credential switch
    {
        GraphCredentialKind.ManagedIdentity => string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId)),
        GraphCredentialKind.ClientSecret => new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret),
        GraphCredentialKind.Certificate => new ClientCertificateCredential(options.TenantId, options.ClientId, LoadCertificate(options)),
        _ => throw new InvalidOperationException($"Unknown Graph credential kind {options.Credential}."),
    };

    private static X509Certificate2 LoadCertificate(GraphConnectionOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificateThumbprint))
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, options.CertificateThumbprint, validOnly: false);
            return found.Count > 0
                ? found[0]
                : throw new InvalidOperationException($"No certificate with thumbprint {options.CertificateThumbprint} in CurrentUser\\My (HealthGuideBot:Filing:Graph:CertificateThumbprint).");
        }

        string path = options.CertificatePath!; // The validator requires a path or a thumbprint.
        return path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
            ? X509Certificate2.CreateFromPemFile(path)
            : X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
    }
}
