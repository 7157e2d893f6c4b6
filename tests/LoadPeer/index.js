// The JS SDK peer for tests/HealthGuideBot.LoadTool: the shape of Microsoft's public "echo bot" sample
// (botbuilder CloudAdapter with no app id, restify, onMessage -> one text reply), bound to loopback only.
// Usage: node index.js [port]   (or PORT=<port> node index.js). HOST defaults to 127.0.0.1.
'use strict';

const restify = require('restify');
const {
    ActivityHandler,
    CloudAdapter,
    ConfigurationServiceClientCredentialFactory,
    MessageFactory,
    createBotFrameworkAuthenticationFromConfiguration
} = require('botbuilder');

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

const host = process.env.HOST || '127.0.0.1';
const port = Number.parseInt(process.argv[2] || process.env.PORT || '3978', 10);
if (!LOOPBACK_HOSTS.has(host)) {
    console.error(`Refusing to listen on ${host}: the load peer is unauthenticated and binds to loopback only.`);
    process.exit(2);
}
if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error('Pass a TCP port (1-65535) as the first argument or in PORT.');
    process.exit(2);
}

class EchoBot extends ActivityHandler {
    constructor() {
        super();
        this.onMessage(async (context, next) => {
            const replyText = `Echo: ${context.activity.text}`;
            await context.sendActivity(MessageFactory.text(replyText, replyText));
            await next();
        });
    }
}

// No MicrosoftAppId: the SDK's anonymous mode (no inbound token check, no outbound token).
const credentialsFactory = new ConfigurationServiceClientCredentialFactory({});
const botFrameworkAuthentication = createBotFrameworkAuthenticationFromConfiguration(null, credentialsFactory);
const adapter = new CloudAdapter(botFrameworkAuthentication);
adapter.onTurnError = async (context, error) => {
    console.error(`[onTurnError] ${error}`);
    await context.sendActivity('The bot encountered an error.');
};

const bot = new EchoBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
});

server.listen(port, host, () => {
    console.log(`load peer listening on http://${host}:${port}/api/messages (pid ${process.pid})`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
