global using ApGrid.Domain;
global using ApGrid.Grains.Abstractions;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
global using Orleans;
global using Orleans.Runtime;
global using ErrorCode = ApGrid.Domain.ErrorCode;
