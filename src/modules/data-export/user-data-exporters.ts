import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ExportsUserData, type UserDataExporter } from '../../common/user-data';

/** Every module's `UserDataExporter` (providers marked `@ExportsUserData()`), by folder name. */
@Injectable()
export class UserDataExporters implements OnModuleInit {
  private exporters: UserDataExporter[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery
      .getProviders({ metadataKey: ExportsUserData.KEY })
      .map((wrapper) => wrapper.instance as UserDataExporter)
      .filter((instance) => instance !== undefined && instance !== null);
    const names = found.map((exporter) => exporter.name);
    const twice = names.find((name, i) => names.indexOf(name) !== i);
    if (twice) throw new Error(`Two user-data exporters are named ${twice}`);
    this.exporters = found.sort((a, b) => a.name.localeCompare(b.name));
  }

  all(): readonly UserDataExporter[] {
    return this.exporters;
  }
}
