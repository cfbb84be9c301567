import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@lib/config';
import {
  createSocialNetworks,
  RedisSandboxPostStore,
  socialNetworkCatalog,
  type SocialNetwork,
  type SocialNetworkInfo,
  type SocialNetworkName,
} from '@lib/providers';
import { InjectRedis } from '@lib/queue';
import { socialProblems } from '../social.problems';

/** The deployment's networks: each one's status, and the drivers of those that can be connected. */
@Injectable()
export class SocialNetworks {
  readonly catalog: SocialNetworkInfo[];
  private readonly drivers: Map<SocialNetworkName, SocialNetwork>;

  constructor(config: AppConfig, @InjectRedis() redis: Redis) {
    const env = { ...config.env, SOCIAL_SANDBOX: config.socialSandbox };
    this.catalog = socialNetworkCatalog(env);
    this.drivers = createSocialNetworks(env, new RedisSandboxPostStore(redis));
  }

  info(name: string): SocialNetworkInfo {
    const info = this.catalog.find((n) => n.name === name);
    if (!info) throw socialProblems.problem('social.network_not_found', `No network "${name}"`);
    return info;
  }

  /** The driver of a network that can be connected; 404/409 otherwise. */
  connectable(name: string): SocialNetwork {
    const info = this.info(name);
    const driver = this.drivers.get(info.name);
    if (info.status !== 'available' || !driver) {
      throw socialProblems.problem(
        'social.network_unavailable',
        `${info.label} is ${info.status}${info.reason ? `: ${info.reason}` : ''}`,
        { networkStatus: info.status },
      );
    }
    return driver;
  }

  /** The driver of an account's network; undefined once that network is switched off here. */
  driver(name: string): SocialNetwork | undefined {
    return this.drivers.get(name as SocialNetworkName);
  }
}
