global using ApGrid.Auth;
global using ApGrid.Domain;
global using ApGrid.Grains.Abstractions;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.Extensions.DependencyInjection;
global using ErrorCode = ApGrid.Domain.ErrorCode;
