-- URLs that already led to a stored article: web sources do not fetch them again.
SELECT url FROM article_urls;
