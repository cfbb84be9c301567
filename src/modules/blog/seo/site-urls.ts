import { Injectable } from '@nestjs/common';
import { AppConfig } from '@lib/config';

/** Public URLs of blog pages: the frontend serves them (and proxies the SEO files) at FRONTEND_URL. */
@Injectable()
export class SiteUrls {
  readonly base: string;
  readonly siteName: string;
  readonly logo: string;

  constructor(config: AppConfig) {
    this.base = config.env.FRONTEND_URL.replace(/\/+$/, '');
    this.siteName = config.env.BLOG_SITE_NAME;
    this.logo = config.env.BLOG_PUBLISHER_LOGO_URL ?? `${this.base}/logo.png`;
  }

  blog(): string {
    return `${this.base}/blog`;
  }

  post(slug: string): string {
    return `${this.base}/blog/${slug}`;
  }

  category(slug: string): string {
    return `${this.base}/blog/category/${slug}`;
  }

  tag(slug: string): string {
    return `${this.base}/blog/tag/${slug}`;
  }

  author(slug: string): string {
    return `${this.base}/blog/author/${slug}`;
  }

  file(path: string): string {
    return `${this.base}/${path.replace(/^\/+/, '')}`;
  }
}
