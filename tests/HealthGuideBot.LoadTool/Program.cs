using System.CommandLine;
using HealthGuideBot.LoadTool.Cli;

var root = new RootCommand("HealthGuideBot load tool: Teams-shaped activities to a bot on loopback, replies on a local connector sink.");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(CompareCommand.Create());
return await root.Parse(args).InvokeAsync();
