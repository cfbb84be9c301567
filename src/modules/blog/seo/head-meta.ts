import type { BlogHeadMetaDto } from '../dto/blog-public.dto';
import type { BlogAuthor } from '../entities/blog-author.entity';
import type { BlogCategory } from '../entities/blog-category.entity';
import type { BlogPost } from '../entities/blog-post.entity';
import type { BlogTag } from '../entities/blog-tag.entity';
import type { SiteUrls } from './site-urls';

export interface HeadMetaInput {
  post: BlogPost;
  author: BlogAuthor | null;
  category: BlogCategory | null;
  tags: BlogTag[];
}

/**
 * Everything a frontend puts in `<head>` for a post: title, description,
 * canonical (the post's external one when set), Open Graph and Twitter tags
 * (the post's overrides first), and JSON-LD: a `BlogPosting` (author Person,
 * publisher Organization with logo, image with size, dates, keywords,
 * `mainEntityOfPage`) and a `BreadcrumbList` Blog › category › post.
 */
export function headMeta(
  { post, author, category, tags }: HeadMetaInput,
  urls: SiteUrls,
): BlogHeadMetaDto {
  const url = urls.post(post.slug);
  const canonical = post.canonicalUrl ?? url;
  const title = post.metaTitle ?? post.title;
  const description = post.metaDescription ?? post.excerpt;
  const image = post.featuredImage;
  const published = (post.publishedAt ?? post.updatedAt).toISOString();
  const modified = post.updatedAt.toISOString();
  const keywords = tags.map((tag) => tag.name);

  const openGraph: Record<string, string> = {
    'og:type': 'article',
    'og:site_name': urls.siteName,
    'og:url': canonical,
    'og:title': post.openGraph?.title ?? title,
    'og:description': post.openGraph?.description ?? description,
    'article:published_time': published,
    'article:modified_time': modified,
  };
  const ogImage = post.openGraph?.image ?? image?.url;
  if (ogImage) openGraph['og:image'] = ogImage;
  if (image && ogImage === image.url) {
    openGraph['og:image:width'] = String(image.width);
    openGraph['og:image:height'] = String(image.height);
    openGraph['og:image:alt'] = image.alt;
  }
  if (author) openGraph['article:author'] = urls.author(author.slug);
  if (category) openGraph['article:section'] = category.name;
  if (keywords.length) openGraph['article:tag'] = keywords.join(', ');

  const twitterImage = post.twitter?.image ?? ogImage;
  const twitter: Record<string, string> = {
    'twitter:card': twitterImage ? 'summary_large_image' : 'summary',
    'twitter:title': post.twitter?.title ?? openGraph['og:title'],
    'twitter:description': post.twitter?.description ?? openGraph['og:description'],
  };
  if (twitterImage) twitter['twitter:image'] = twitterImage;
  if (image && twitterImage === image.url) twitter['twitter:image:alt'] = image.alt;

  const article: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title.slice(0, 110),
    description,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    datePublished: published,
    dateModified: modified,
    author: author
      ? { '@type': 'Person', name: author.name, url: urls.author(author.slug) }
      : { '@type': 'Person', name: urls.siteName },
    publisher: {
      '@type': 'Organization',
      name: urls.siteName,
      logo: { '@type': 'ImageObject', url: urls.logo },
    },
    timeRequired: `PT${post.readingMinutes}M`,
  };
  if (image) {
    article.image = {
      '@type': 'ImageObject',
      url: image.url,
      width: image.width,
      height: image.height,
    };
  }
  if (keywords.length) article.keywords = keywords.join(', ');
  if (category) article.articleSection = category.name;

  const crumbs = [
    { name: 'Blog', item: urls.blog() },
    ...(category ? [{ name: category.name, item: urls.category(category.slug) }] : []),
    { name: post.title, item: url },
  ];
  const breadcrumbs = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.item,
    })),
  };
  return {
    title: `${title} | ${urls.siteName}`,
    description,
    canonical,
    openGraph,
    twitter,
    jsonLd: [article, breadcrumbs],
  };
}
